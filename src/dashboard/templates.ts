// The page templates are the .eta files in ./templates, one per page and one per shared part, carried into the
// bundles by assets.generated.ts (see scripts/dashboard-assets.js).
// Sections around a table are not named: the table's scrolling region carries the heading as its name, and
// two landmarks with one name confuse screen reader navigation.
// Rule: every value goes through <%= %>, which escapes; <%~ %> appears only for include() and the layout
// body, which are the templates' own output. Chart SVGs arrive as Markup objects and pass <%= %> unchanged.
export { TEMPLATES } from './assets.generated.js';
