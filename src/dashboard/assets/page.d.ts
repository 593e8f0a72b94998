// The page as dgrid.js finds it, for tsc's check of that script: the elements the templates give these ids and
// attributes, and the global the task validator script (assets/dgrid-task-validator.js) defines.
interface Document {
  getElementById(elementId: 'task-filter'): HTMLInputElement | null;
  getElementById(elementId: 'submit-link'): HTMLAnchorElement | null;
  querySelectorAll(selectors: 'time[data-relative]'): NodeListOf<HTMLTimeElement>;
  querySelectorAll(selectors: 'tr[data-task-id]'): NodeListOf<HTMLTableRowElement>;
  // Declared on ParentNode, which these overloads would otherwise hide.
  querySelectorAll(selectors: string): NodeListOf<Element>;
}

interface Window {
  dgridValidateTask?: (task: unknown) => Array<{ instancePath: string; schemaPath?: string; keyword: string }>;
}
