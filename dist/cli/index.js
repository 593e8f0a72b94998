#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 779:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
function fmtDef(validate, compare) {
    return { validate, compare };
}
exports.fullFormats = {
    // date: http://tools.ietf.org/html/rfc3339#section-5.6
    date: fmtDef(date, compareDate),
    // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
    time: fmtDef(getTime(true), compareTime),
    "date-time": fmtDef(getDateTime(true), compareDateTime),
    "iso-time": fmtDef(getTime(), compareIsoTime),
    "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
    // duration: https://tools.ietf.org/html/rfc3339#appendix-A
    duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
    uri,
    "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
    // uri-template: https://tools.ietf.org/html/rfc6570
    "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
    // For the source: https://gist.github.com/dperini/729294
    // For test cases: https://mathiasbynens.be/demo/url-regex
    url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
    email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
    hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
    // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
    ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
    ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
    regex,
    // uuid: http://tools.ietf.org/html/rfc4122
    uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    // JSON-pointer: https://tools.ietf.org/html/rfc6901
    // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
    "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
    "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
    // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
    "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
    // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
    // byte: https://github.com/miguelmota/is-base64
    byte,
    // signed 32 bit integer
    int32: { type: "number", validate: validateInt32 },
    // signed 64 bit integer
    int64: { type: "number", validate: validateInt64 },
    // C-type float
    float: { type: "number", validate: validateNumber },
    // C-type double
    double: { type: "number", validate: validateNumber },
    // hint to the UI to hide input strings
    password: true,
    // unchecked string payload
    binary: true,
};
exports.fastFormats = {
    ...exports.fullFormats,
    date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
    time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
    "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
    "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
    "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
    // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
    uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
    "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
    // email (sources from jsen validator):
    // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
    // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
    email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
};
exports.formatNames = Object.keys(exports.fullFormats);
function isLeapYear(year) {
    // https://tools.ietf.org/html/rfc3339#appendix-C
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function date(str) {
    // full-date from http://tools.ietf.org/html/rfc3339#section-5.6
    const matches = DATE.exec(str);
    if (!matches)
        return false;
    const year = +matches[1];
    const month = +matches[2];
    const day = +matches[3];
    return (month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]));
}
function compareDate(d1, d2) {
    if (!(d1 && d2))
        return undefined;
    if (d1 > d2)
        return 1;
    if (d1 < d2)
        return -1;
    return 0;
}
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
function getTime(strictTimeZone) {
    return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
            return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz))
            return false;
        if (hr <= 23 && min <= 59 && sec < 60)
            return true;
        // leap second
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
    };
}
function compareTime(s1, s2) {
    if (!(s1 && s2))
        return undefined;
    const t1 = new Date("2020-01-01T" + s1).valueOf();
    const t2 = new Date("2020-01-01T" + s2).valueOf();
    if (!(t1 && t2))
        return undefined;
    return t1 - t2;
}
function compareIsoTime(t1, t2) {
    if (!(t1 && t2))
        return undefined;
    const a1 = TIME.exec(t1);
    const a2 = TIME.exec(t2);
    if (!(a1 && a2))
        return undefined;
    t1 = a1[1] + a1[2] + a1[3];
    t2 = a2[1] + a2[2] + a2[3];
    if (t1 > t2)
        return 1;
    if (t1 < t2)
        return -1;
    return 0;
}
const DATE_TIME_SEPARATOR = /t|\s/i;
function getDateTime(strictTimeZone) {
    const time = getTime(strictTimeZone);
    return function date_time(str) {
        // http://tools.ietf.org/html/rfc3339#section-5.6
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
    };
}
function compareDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const d1 = new Date(dt1).valueOf();
    const d2 = new Date(dt2).valueOf();
    if (!(d1 && d2))
        return undefined;
    return d1 - d2;
}
function compareIsoDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
    const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
    const res = compareDate(d1, d2);
    if (res === undefined)
        return undefined;
    return res || compareTime(t1, t2);
}
const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function uri(str) {
    // http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
    return NOT_URI_FRAGMENT.test(str) && URI.test(str);
}
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
function byte(str) {
    BYTE.lastIndex = 0;
    return BYTE.test(str);
}
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;
function validateInt32(value) {
    return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
}
function validateInt64(value) {
    // JSON and javascript max Int is 2**53, so any int that passes isInteger is valid for Int64
    return Number.isInteger(value);
}
function validateNumber() {
    return true;
}
const Z_ANCHOR = /[^\\]\\Z/;
function regex(str) {
    if (Z_ANCHOR.test(str))
        return false;
    try {
        new RegExp(str);
        return true;
    }
    catch (e) {
        return false;
    }
}
//# sourceMappingURL=formats.js.map

/***/ }),

/***/ 2815:
/***/ ((module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const formats_1 = __nccwpck_require__(779);
const limit_1 = __nccwpck_require__(1284);
const codegen_1 = __nccwpck_require__(1436);
const fullName = new codegen_1.Name("fullFormats");
const fastName = new codegen_1.Name("fastFormats");
const formatsPlugin = (ajv, opts = { keywords: true }) => {
    if (Array.isArray(opts)) {
        addFormats(ajv, opts, formats_1.fullFormats, fullName);
        return ajv;
    }
    const [formats, exportName] = opts.mode === "fast" ? [formats_1.fastFormats, fastName] : [formats_1.fullFormats, fullName];
    const list = opts.formats || formats_1.formatNames;
    addFormats(ajv, list, formats, exportName);
    if (opts.keywords)
        (0, limit_1.default)(ajv);
    return ajv;
};
formatsPlugin.get = (name, mode = "full") => {
    const formats = mode === "fast" ? formats_1.fastFormats : formats_1.fullFormats;
    const f = formats[name];
    if (!f)
        throw new Error(`Unknown format "${name}"`);
    return f;
};
function addFormats(ajv, list, fs, exportName) {
    var _a;
    var _b;
    (_a = (_b = ajv.opts.code).formats) !== null && _a !== void 0 ? _a : (_b.formats = (0, codegen_1._) `require("ajv-formats/dist/formats").${exportName}`);
    for (const f of list)
        ajv.addFormat(f, fs[f]);
}
module.exports = exports = formatsPlugin;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = formatsPlugin;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 1284:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatLimitDefinition = void 0;
const ajv_1 = __nccwpck_require__(2463);
const codegen_1 = __nccwpck_require__(1436);
const ops = codegen_1.operators;
const KWDs = {
    formatMaximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
    formatMinimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
    formatExclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
    formatExclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
};
const error = {
    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `should be ${KWDs[keyword].okStr} ${schemaCode}`,
    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
};
exports.formatLimitDefinition = {
    keyword: Object.keys(KWDs),
    type: "string",
    schemaType: "string",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, schemaCode, keyword, it } = cxt;
        const { opts, self } = it;
        if (!opts.validateFormats)
            return;
        const fCxt = new ajv_1.KeywordCxt(it, self.RULES.all.format.definition, "format");
        if (fCxt.$data)
            validate$DataFormat();
        else
            validateFormat();
        function validate$DataFormat() {
            const fmts = gen.scopeValue("formats", {
                ref: self.formats,
                code: opts.code.formats,
            });
            const fmt = gen.const("fmt", (0, codegen_1._) `${fmts}[${fCxt.schemaCode}]`);
            cxt.fail$data((0, codegen_1.or)((0, codegen_1._) `typeof ${fmt} != "object"`, (0, codegen_1._) `${fmt} instanceof RegExp`, (0, codegen_1._) `typeof ${fmt}.compare != "function"`, compareCode(fmt)));
        }
        function validateFormat() {
            const format = fCxt.schema;
            const fmtDef = self.formats[format];
            if (!fmtDef || fmtDef === true)
                return;
            if (typeof fmtDef != "object" ||
                fmtDef instanceof RegExp ||
                typeof fmtDef.compare != "function") {
                throw new Error(`"${keyword}": format "${format}" does not define "compare" function`);
            }
            const fmt = gen.scopeValue("formats", {
                key: format,
                ref: fmtDef,
                code: opts.code.formats ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(format)}` : undefined,
            });
            cxt.fail$data(compareCode(fmt));
        }
        function compareCode(fmt) {
            return (0, codegen_1._) `${fmt}.compare(${data}, ${schemaCode}) ${KWDs[keyword].fail} 0`;
        }
    },
    dependencies: ["format"],
};
const formatLimitPlugin = (ajv) => {
    ajv.addKeyword(exports.formatLimitDefinition);
    return ajv;
};
exports["default"] = formatLimitPlugin;
//# sourceMappingURL=limit.js.map

/***/ }),

/***/ 2463:
/***/ ((module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
const core_1 = __nccwpck_require__(3893);
const draft7_1 = __nccwpck_require__(9941);
const discriminator_1 = __nccwpck_require__(8886);
const draft7MetaSchema = __nccwpck_require__(2079);
const META_SUPPORT_DATA = ["/properties"];
const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
class Ajv extends core_1.default {
    _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
            this.addKeyword(discriminator_1.default);
    }
    _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
            return;
        const metaSchema = this.opts.$data
            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
            : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
    }
    defaultMeta() {
        return (this.opts.defaultMeta =
            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
    }
}
exports.Ajv = Ajv;
module.exports = exports = Ajv;
module.exports.Ajv = Ajv;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = Ajv;
var validate_1 = __nccwpck_require__(7881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __nccwpck_require__(1436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
var validation_error_1 = __nccwpck_require__(3021);
Object.defineProperty(exports, "ValidationError", ({ enumerable: true, get: function () { return validation_error_1.default; } }));
var ref_error_1 = __nccwpck_require__(3162);
Object.defineProperty(exports, "MissingRefError", ({ enumerable: true, get: function () { return ref_error_1.default; } }));
//# sourceMappingURL=ajv.js.map

/***/ }),

/***/ 567:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
// eslint-disable-next-line @typescript-eslint/no-extraneous-class
class _CodeOrName {
}
exports._CodeOrName = _CodeOrName;
exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
class Name extends _CodeOrName {
    constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
            throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
    }
    toString() {
        return this.str;
    }
    emptyStr() {
        return false;
    }
    get names() {
        return { [this.str]: 1 };
    }
}
exports.Name = Name;
class _Code extends _CodeOrName {
    constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
    }
    toString() {
        return this.str;
    }
    emptyStr() {
        if (this._items.length > 1)
            return false;
        const item = this._items[0];
        return item === "" || item === '""';
    }
    get str() {
        var _a;
        return ((_a = this._str) !== null && _a !== void 0 ? _a : (this._str = this._items.reduce((s, c) => `${s}${c}`, "")));
    }
    get names() {
        var _a;
        return ((_a = this._names) !== null && _a !== void 0 ? _a : (this._names = this._items.reduce((names, c) => {
            if (c instanceof Name)
                names[c.str] = (names[c.str] || 0) + 1;
            return names;
        }, {})));
    }
}
exports._Code = _Code;
exports.nil = new _Code("");
function _(strs, ...args) {
    const code = [strs[0]];
    let i = 0;
    while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
    }
    return new _Code(code);
}
exports._ = _;
const plus = new _Code("+");
function str(strs, ...args) {
    const expr = [safeStringify(strs[0])];
    let i = 0;
    while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
    }
    optimize(expr);
    return new _Code(expr);
}
exports.str = str;
function addCodeArg(code, arg) {
    if (arg instanceof _Code)
        code.push(...arg._items);
    else if (arg instanceof Name)
        code.push(arg);
    else
        code.push(interpolate(arg));
}
exports.addCodeArg = addCodeArg;
function optimize(expr) {
    let i = 1;
    while (i < expr.length - 1) {
        if (expr[i] === plus) {
            const res = mergeExprItems(expr[i - 1], expr[i + 1]);
            if (res !== undefined) {
                expr.splice(i - 1, 3, res);
                continue;
            }
            expr[i++] = "+";
        }
        i++;
    }
}
function mergeExprItems(a, b) {
    if (b === '""')
        return a;
    if (a === '""')
        return b;
    if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
            return;
        if (typeof b != "string")
            return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
            return a.slice(0, -1) + b.slice(1);
        return;
    }
    if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
    return;
}
function strConcat(c1, c2) {
    return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str `${c1}${c2}`;
}
exports.strConcat = strConcat;
// TODO do not allow arrays here
function interpolate(x) {
    return typeof x == "number" || typeof x == "boolean" || x === null
        ? x
        : safeStringify(Array.isArray(x) ? x.join(",") : x);
}
function stringify(x) {
    return new _Code(safeStringify(x));
}
exports.stringify = stringify;
function safeStringify(x) {
    return JSON.stringify(x)
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
}
exports.safeStringify = safeStringify;
function getProperty(key) {
    return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _ `[${key}]`;
}
exports.getProperty = getProperty;
//Does best effort to format the name properly
function getEsmExportName(key) {
    if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
    }
    throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
}
exports.getEsmExportName = getEsmExportName;
function regexpCode(rx) {
    return new _Code(rx.toString());
}
exports.regexpCode = regexpCode;
//# sourceMappingURL=code.js.map

/***/ }),

/***/ 1436:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
const code_1 = __nccwpck_require__(567);
const scope_1 = __nccwpck_require__(7788);
var code_2 = __nccwpck_require__(567);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return code_2._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return code_2.str; } }));
Object.defineProperty(exports, "strConcat", ({ enumerable: true, get: function () { return code_2.strConcat; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return code_2.nil; } }));
Object.defineProperty(exports, "getProperty", ({ enumerable: true, get: function () { return code_2.getProperty; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return code_2.stringify; } }));
Object.defineProperty(exports, "regexpCode", ({ enumerable: true, get: function () { return code_2.regexpCode; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return code_2.Name; } }));
var scope_2 = __nccwpck_require__(7788);
Object.defineProperty(exports, "Scope", ({ enumerable: true, get: function () { return scope_2.Scope; } }));
Object.defineProperty(exports, "ValueScope", ({ enumerable: true, get: function () { return scope_2.ValueScope; } }));
Object.defineProperty(exports, "ValueScopeName", ({ enumerable: true, get: function () { return scope_2.ValueScopeName; } }));
Object.defineProperty(exports, "varKinds", ({ enumerable: true, get: function () { return scope_2.varKinds; } }));
exports.operators = {
    GT: new code_1._Code(">"),
    GTE: new code_1._Code(">="),
    LT: new code_1._Code("<"),
    LTE: new code_1._Code("<="),
    EQ: new code_1._Code("==="),
    NEQ: new code_1._Code("!=="),
    NOT: new code_1._Code("!"),
    OR: new code_1._Code("||"),
    AND: new code_1._Code("&&"),
    ADD: new code_1._Code("+"),
};
class Node {
    optimizeNodes() {
        return this;
    }
    optimizeNames(_names, _constants) {
        return this;
    }
}
class Def extends Node {
    constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
    }
    render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === undefined ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
    }
    optimizeNames(names, constants) {
        if (!names[this.name.str])
            return;
        if (this.rhs)
            this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
    }
    get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
    }
}
class Assign extends Node {
    constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
    }
    render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
    }
    optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
            return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
    }
    get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
    }
}
class AssignOp extends Assign {
    constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
    }
    render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
    }
}
class Label extends Node {
    constructor(label) {
        super();
        this.label = label;
        this.names = {};
    }
    render({ _n }) {
        return `${this.label}:` + _n;
    }
}
class Break extends Node {
    constructor(label) {
        super();
        this.label = label;
        this.names = {};
    }
    render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
    }
}
class Throw extends Node {
    constructor(error) {
        super();
        this.error = error;
    }
    render({ _n }) {
        return `throw ${this.error};` + _n;
    }
    get names() {
        return this.error.names;
    }
}
class AnyCode extends Node {
    constructor(code) {
        super();
        this.code = code;
    }
    render({ _n }) {
        return `${this.code};` + _n;
    }
    optimizeNodes() {
        return `${this.code}` ? this : undefined;
    }
    optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
    }
    get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
    }
}
class ParentNode extends Node {
    constructor(nodes = []) {
        super();
        this.nodes = nodes;
    }
    render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
    }
    optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
            const n = nodes[i].optimizeNodes();
            if (Array.isArray(n))
                nodes.splice(i, 1, ...n);
            else if (n)
                nodes[i] = n;
            else
                nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : undefined;
    }
    optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
            // iterating backwards improves 1-pass optimization
            const n = nodes[i];
            if (n.optimizeNames(names, constants))
                continue;
            subtractNames(names, n.names);
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : undefined;
    }
    get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
    }
}
class BlockNode extends ParentNode {
    render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
    }
}
class Root extends ParentNode {
}
class Else extends BlockNode {
}
Else.kind = "else";
class If extends BlockNode {
    constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
    }
    render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
            code += "else " + this.else.render(opts);
        return code;
    }
    optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
            return this.nodes; // else is ignored here
        let e = this.else;
        if (e) {
            const ns = e.optimizeNodes();
            e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
            if (cond === false)
                return e instanceof If ? e : e.nodes;
            if (this.nodes.length)
                return this;
            return new If(not(cond), e instanceof If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
            return undefined;
        return this;
    }
    optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
            return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
    }
    get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
            addNames(names, this.else.names);
        return names;
    }
}
If.kind = "if";
class For extends BlockNode {
}
For.kind = "for";
class ForLoop extends For {
    constructor(iteration) {
        super();
        this.iteration = iteration;
    }
    render(opts) {
        return `for(${this.iteration})` + super.render(opts);
    }
    optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
            return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
    }
    get names() {
        return addNames(super.names, this.iteration.names);
    }
}
class ForRange extends For {
    constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
    }
    render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
    }
    get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
    }
}
class ForIter extends For {
    constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
    }
    render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
    }
    optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
            return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
    }
    get names() {
        return addNames(super.names, this.iterable.names);
    }
}
class Func extends BlockNode {
    constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
    }
    render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
    }
}
Func.kind = "func";
class Return extends ParentNode {
    render(opts) {
        return "return " + super.render(opts);
    }
}
Return.kind = "return";
class Try extends BlockNode {
    render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
            code += this.catch.render(opts);
        if (this.finally)
            code += this.finally.render(opts);
        return code;
    }
    optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
    }
    optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
    }
    get names() {
        const names = super.names;
        if (this.catch)
            addNames(names, this.catch.names);
        if (this.finally)
            addNames(names, this.finally.names);
        return names;
    }
}
class Catch extends BlockNode {
    constructor(error) {
        super();
        this.error = error;
    }
    render(opts) {
        return `catch(${this.error})` + super.render(opts);
    }
}
Catch.kind = "catch";
class Finally extends BlockNode {
    render(opts) {
        return "finally" + super.render(opts);
    }
}
Finally.kind = "finally";
class CodeGen {
    constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
    }
    toString() {
        return this._root.render(this.opts);
    }
    // returns unique name in the internal scope
    name(prefix) {
        return this._scope.name(prefix);
    }
    // reserves unique name in the external scope
    scopeName(prefix) {
        return this._extScope.name(prefix);
    }
    // reserves unique name in the external scope and assigns value to it
    scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = new Set());
        vs.add(name);
        return name;
    }
    getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
    }
    // return code that assigns values in the external scope to the names that are used internally
    // (same names that were returned by gen.scopeName or gen.scopeValue)
    scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
    }
    scopeCode() {
        return this._extScope.scopeCode(this._values);
    }
    _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== undefined && constant)
            this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
    }
    // `const` declaration (`var` in es5 mode)
    const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
    }
    // `let` declaration with optional assignment (`var` in es5 mode)
    let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
    }
    // `var` declaration with optional assignment
    var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
    }
    // assignment code
    assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
    }
    // `+=` code
    add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
    }
    // appends passed SafeExpr to code or executes Block
    code(c) {
        if (typeof c == "function")
            c();
        else if (c !== code_1.nil)
            this._leafNode(new AnyCode(c));
        return this;
    }
    // returns code for object literal for the passed argument list of key-value pairs
    object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
            if (code.length > 1)
                code.push(",");
            code.push(key);
            if (key !== value || this.opts.es5) {
                code.push(":");
                (0, code_1.addCodeArg)(code, value);
            }
        }
        code.push("}");
        return new code_1._Code(code);
    }
    // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
    if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
            this.code(thenBody).else().code(elseBody).endIf();
        }
        else if (thenBody) {
            this.code(thenBody).endIf();
        }
        else if (elseBody) {
            throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
    }
    // `else if` clause - invalid without `if` or after `else` clauses
    elseIf(condition) {
        return this._elseNode(new If(condition));
    }
    // `else` clause - only valid after `if` or `else if` clauses
    else() {
        return this._elseNode(new Else());
    }
    // end `if` statement (needed if gen.if was used only with condition)
    endIf() {
        return this._endBlockNode(If, Else);
    }
    _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
            this.code(forBody).endFor();
        return this;
    }
    // a generic `for` clause (or statement if `forBody` is passed)
    for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
    }
    // `for` statement for a range of values
    forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
    }
    // `for-of` statement (in es5 mode replace with a normal for loop)
    forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
            const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
            return this.forRange("_i", 0, (0, code_1._) `${arr}.length`, (i) => {
                this.var(name, (0, code_1._) `${arr}[${i}]`);
                forBody(name);
            });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
    }
    // `for-in` statement.
    // With option `ownProperties` replaced with a `for-of` loop for object keys
    forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
            return this.forOf(nameOrPrefix, (0, code_1._) `Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
    }
    // end `for` loop
    endFor() {
        return this._endBlockNode(For);
    }
    // `label` statement
    label(label) {
        return this._leafNode(new Label(label));
    }
    // `break` statement
    break(label) {
        return this._leafNode(new Break(label));
    }
    // `return` statement
    return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
            throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
    }
    // `try` statement
    try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
            throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
            const error = this.name("e");
            this._currNode = node.catch = new Catch(error);
            catchCode(error);
        }
        if (finallyCode) {
            this._currNode = node.finally = new Finally();
            this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
    }
    // `throw` statement
    throw(error) {
        return this._leafNode(new Throw(error));
    }
    // start self-balancing block
    block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
            this.code(body).endBlock(nodeCount);
        return this;
    }
    // end the current self-balancing block
    endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === undefined)
            throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || (nodeCount !== undefined && toClose !== nodeCount)) {
            throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
    }
    // `function` heading (or definition if funcBody is passed)
    func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
            this.code(funcBody).endFunc();
        return this;
    }
    // end function definition
    endFunc() {
        return this._endBlockNode(Func);
    }
    optimize(n = 1) {
        while (n-- > 0) {
            this._root.optimizeNodes();
            this._root.optimizeNames(this._root.names, this._constants);
        }
    }
    _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
    }
    _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
    }
    _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || (N2 && n instanceof N2)) {
            this._nodes.pop();
            return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
    }
    _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
            throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
    }
    get _root() {
        return this._nodes[0];
    }
    get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
    }
    set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
    }
}
exports.CodeGen = CodeGen;
function addNames(names, from) {
    for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
    return names;
}
function addExprNames(names, from) {
    return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
}
function optimizeExpr(expr, names, constants) {
    if (expr instanceof code_1.Name)
        return replaceName(expr);
    if (!canOptimize(expr))
        return expr;
    return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
            c = replaceName(c);
        if (c instanceof code_1._Code)
            items.push(...c._items);
        else
            items.push(c);
        return items;
    }, []));
    function replaceName(n) {
        const c = constants[n.str];
        if (c === undefined || names[n.str] !== 1)
            return n;
        delete names[n.str];
        return c;
    }
    function canOptimize(e) {
        return (e instanceof code_1._Code &&
            e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== undefined));
    }
}
function subtractNames(names, from) {
    for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
}
function not(x) {
    return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._) `!${par(x)}`;
}
exports.not = not;
const andCode = mappend(exports.operators.AND);
// boolean AND (&&) expression with the passed arguments
function and(...args) {
    return args.reduce(andCode);
}
exports.and = and;
const orCode = mappend(exports.operators.OR);
// boolean OR (||) expression with the passed arguments
function or(...args) {
    return args.reduce(orCode);
}
exports.or = or;
function mappend(op) {
    return (x, y) => (x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._) `${par(x)} ${op} ${par(y)}`);
}
function par(x) {
    return x instanceof code_1.Name ? x : (0, code_1._) `(${x})`;
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
const code_1 = __nccwpck_require__(567);
class ValueError extends Error {
    constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
    }
}
var UsedValueState;
(function (UsedValueState) {
    UsedValueState[UsedValueState["Started"] = 0] = "Started";
    UsedValueState[UsedValueState["Completed"] = 1] = "Completed";
})(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
exports.varKinds = {
    const: new code_1.Name("const"),
    let: new code_1.Name("let"),
    var: new code_1.Name("var"),
};
class Scope {
    constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
    }
    toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
    }
    name(prefix) {
        return new code_1.Name(this._newName(prefix));
    }
    _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
    }
    _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || (this._prefixes && !this._prefixes.has(prefix))) {
            throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return (this._names[prefix] = { prefix, index: 0 });
    }
}
exports.Scope = Scope;
class ValueScopeName extends code_1.Name {
    constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
    }
    setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._) `.${new code_1.Name(property)}[${itemIndex}]`;
    }
}
exports.ValueScopeName = ValueScopeName;
const line = (0, code_1._) `\n`;
class ValueScope extends Scope {
    constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
    }
    get() {
        return this._scope;
    }
    name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
    }
    value(nameOrPrefix, value) {
        var _a;
        if (value.ref === undefined)
            throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
            const _name = vs.get(valueKey);
            if (_name)
                return _name;
        }
        else {
            vs = this._values[prefix] = new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
    }
    getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
            return;
        return vs.get(keyOrRef);
    }
    scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
            if (name.scopePath === undefined)
                throw new Error(`CodeGen: name "${name}" has no value`);
            return (0, code_1._) `${scopeName}${name.scopePath}`;
        });
    }
    scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
            if (name.value === undefined)
                throw new Error(`CodeGen: name "${name}" has no value`);
            return name.value.code;
        }, usedValues, getCode);
    }
    _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
            const vs = values[prefix];
            if (!vs)
                continue;
            const nameSet = (usedValues[prefix] = usedValues[prefix] || new Map());
            vs.forEach((name) => {
                if (nameSet.has(name))
                    return;
                nameSet.set(name, UsedValueState.Started);
                let c = valueCode(name);
                if (c) {
                    const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
                    code = (0, code_1._) `${code}${def} ${name} = ${c};${this.opts._n}`;
                }
                else if ((c = getCode === null || getCode === void 0 ? void 0 : getCode(name))) {
                    code = (0, code_1._) `${code}${c}${this.opts._n}`;
                }
                else {
                    throw new ValueError(name);
                }
                nameSet.set(name, UsedValueState.Completed);
            });
        }
        return code;
    }
}
exports.ValueScope = ValueScope;
//# sourceMappingURL=scope.js.map

/***/ }),

/***/ 1283:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const names_1 = __nccwpck_require__(630);
exports.keywordError = {
    message: ({ keyword }) => (0, codegen_1.str) `must pass "${keyword}" keyword validation`,
};
exports.keyword$DataError = {
    message: ({ keyword, schemaType }) => schemaType
        ? (0, codegen_1.str) `"${keyword}" keyword must be ${schemaType} ($data)`
        : (0, codegen_1.str) `"${keyword}" keyword is invalid ($data)`,
};
function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
    const { it } = cxt;
    const { gen, compositeRule, allErrors } = it;
    const errObj = errorObjectCode(cxt, error, errorPaths);
    if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : (compositeRule || allErrors)) {
        addError(gen, errObj);
    }
    else {
        returnErrors(it, (0, codegen_1._) `[${errObj}]`);
    }
}
exports.reportError = reportError;
function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
    const { it } = cxt;
    const { gen, compositeRule, allErrors } = it;
    const errObj = errorObjectCode(cxt, error, errorPaths);
    addError(gen, errObj);
    if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
    }
}
exports.reportExtraError = reportExtraError;
function resetErrorsCount(gen, errsCount) {
    gen.assign(names_1.default.errors, errsCount);
    gen.if((0, codegen_1._) `${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._) `${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
}
exports.resetErrorsCount = resetErrorsCount;
function extendErrors({ gen, keyword, schemaValue, data, errsCount, it, }) {
    /* istanbul ignore if */
    if (errsCount === undefined)
        throw new Error("ajv implementation error");
    const err = gen.name("err");
    gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._) `${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._) `${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._) `${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._) `${err}.schemaPath`, (0, codegen_1.str) `${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
            gen.assign((0, codegen_1._) `${err}.schema`, schemaValue);
            gen.assign((0, codegen_1._) `${err}.data`, data);
        }
    });
}
exports.extendErrors = extendErrors;
function addError(gen, errObj) {
    const err = gen.const("err", errObj);
    gen.if((0, codegen_1._) `${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._) `[${err}]`), (0, codegen_1._) `${names_1.default.vErrors}.push(${err})`);
    gen.code((0, codegen_1._) `${names_1.default.errors}++`);
}
function returnErrors(it, errs) {
    const { gen, validateName, schemaEnv } = it;
    if (schemaEnv.$async) {
        gen.throw((0, codegen_1._) `new ${it.ValidationError}(${errs})`);
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, errs);
        gen.return(false);
    }
}
const E = {
    keyword: new codegen_1.Name("keyword"),
    schemaPath: new codegen_1.Name("schemaPath"), // also used in JTD errors
    params: new codegen_1.Name("params"),
    propertyName: new codegen_1.Name("propertyName"),
    message: new codegen_1.Name("message"),
    schema: new codegen_1.Name("schema"),
    parentSchema: new codegen_1.Name("parentSchema"),
};
function errorObjectCode(cxt, error, errorPaths) {
    const { createErrors } = cxt.it;
    if (createErrors === false)
        return (0, codegen_1._) `{}`;
    return errorObject(cxt, error, errorPaths);
}
function errorObject(cxt, error, errorPaths = {}) {
    const { gen, it } = cxt;
    const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths),
    ];
    extraErrorProps(cxt, error, keyValues);
    return gen.object(...keyValues);
}
function errorInstancePath({ errorPath }, { instancePath }) {
    const instPath = instancePath
        ? (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}`
        : errorPath;
    return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
}
function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
    let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str) `${errSchemaPath}/${keyword}`;
    if (schemaPath) {
        schPath = (0, codegen_1.str) `${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
    }
    return [E.schemaPath, schPath];
}
function extraErrorProps(cxt, { params, message }, keyValues) {
    const { keyword, data, schemaValue, it } = cxt;
    const { opts, propertyName, topSchemaRef, schemaPath } = it;
    keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._) `{}`]);
    if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
    }
    if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._) `${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
    }
    if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 2718:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
const codegen_1 = __nccwpck_require__(1436);
const validation_error_1 = __nccwpck_require__(3021);
const names_1 = __nccwpck_require__(630);
const resolve_1 = __nccwpck_require__(4090);
const util_1 = __nccwpck_require__(4464);
const validate_1 = __nccwpck_require__(7881);
class SchemaEnv {
    constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
            schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
    }
}
exports.SchemaEnv = SchemaEnv;
// let codeSize = 0
// let nodeCount = 0
// Compiles schema in SchemaEnv
function compileSchema(sch) {
    // TODO refactor - remove compilations
    const _sch = getCompilingSchema.call(this, sch);
    if (_sch)
        return _sch;
    const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId); // TODO if getFullPath removed 1 tests fails
    const { es5, lines } = this.opts.code;
    const { ownProperties } = this.opts;
    const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
    let _ValidationError;
    if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
            ref: validation_error_1.default,
            code: (0, codegen_1._) `require("ajv/dist/runtime/validation_error").default`,
        });
    }
    const validateName = gen.scopeName("validate");
    sch.validateName = validateName;
    const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil], // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true
            ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) }
            : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._) `""`,
        opts: this.opts,
        self: this,
    };
    let sourceCode;
    try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        // gen.optimize(1)
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        // console.log((codeSize += sourceCode.length), (nodeCount += gen.nodeCount))
        if (this.opts.code.process)
            sourceCode = this.opts.code.process(sourceCode, sch);
        // console.log("\n\n\n *** \n", sourceCode)
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
            validate.$async = true;
        if (this.opts.code.source === true) {
            validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
            const { props, items } = schemaCxt;
            validate.evaluated = {
                props: props instanceof codegen_1.Name ? undefined : props,
                items: items instanceof codegen_1.Name ? undefined : items,
                dynamicProps: props instanceof codegen_1.Name,
                dynamicItems: items instanceof codegen_1.Name,
            };
            if (validate.source)
                validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
    }
    catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
            this.logger.error("Error compiling schema, function code:", sourceCode);
        // console.log("\n\n\n *** \n", sourceCode, this.opts)
        throw e;
    }
    finally {
        this._compilations.delete(sch);
    }
}
exports.compileSchema = compileSchema;
function resolveRef(root, baseId, ref) {
    var _a;
    ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
    const schOrFunc = root.refs[ref];
    if (schOrFunc)
        return schOrFunc;
    let _sch = resolve.call(this, root, ref);
    if (_sch === undefined) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref]; // TODO maybe localRefs should hold SchemaEnv
        const { schemaId } = this.opts;
        if (schema)
            _sch = new SchemaEnv({ schema, schemaId, root, baseId });
    }
    if (_sch === undefined)
        return;
    return (root.refs[ref] = inlineOrCompile.call(this, _sch));
}
exports.resolveRef = resolveRef;
function inlineOrCompile(sch) {
    if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
    return sch.validate ? sch : compileSchema.call(this, sch);
}
// Index of schema compilation in the currently compiled list
function getCompilingSchema(schEnv) {
    for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
            return sch;
    }
}
exports.getCompilingSchema = getCompilingSchema;
function sameSchemaEnv(s1, s2) {
    return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
}
// resolve and compile the references ($ref)
// TODO returns AnySchemaObject (if the schema can be inlined) or validation function
function resolve(root, // information about the root schema for the current schema
ref // reference to resolve
) {
    let sch;
    while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
    return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
}
// Resolve schema, its root and baseId
function resolveSchema(root, // root object with properties schema, refs TODO below SchemaEnv is assigned to it
ref // reference to resolve
) {
    const p = this.opts.uriResolver.parse(ref);
    const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
    let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, undefined);
    // TODO `Object.keys(root.schema).length > 0` should not be needed - but removing breaks 2 tests
    if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
    }
    const id = (0, resolve_1.normalizeId)(refPath);
    const schOrRef = this.refs[id] || this.schemas[id];
    if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
            return;
        return getJsonPointer.call(this, p, sch);
    }
    if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
    if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
    if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
    }
    return getJsonPointer.call(this, p, schOrRef);
}
exports.resolveSchema = resolveSchema;
const PREVENT_SCOPE_CHANGE = new Set([
    "properties",
    "patternProperties",
    "enum",
    "dependencies",
    "definitions",
]);
function getJsonPointer(parsedRef, { baseId, schema, root }) {
    var _a;
    if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
    for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
            return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === undefined)
            return;
        schema = partSchema;
        // TODO PREVENT_SCOPE_CHANGE could be defined in keyword def?
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
    }
    let env;
    if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
    }
    // even though resolution failed we need to return SchemaEnv to throw exception
    // so that compileAsync loads missing schema.
    const { schemaId } = this.opts;
    env = env || new SchemaEnv({ schema, schemaId, root, baseId });
    if (env.schema !== env.root.schema)
        return env;
    return undefined;
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 630:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const names = {
    // validation function arguments
    data: new codegen_1.Name("data"), // data passed to validation function
    // args passed from referencing schema
    valCxt: new codegen_1.Name("valCxt"), // validation/data context - should not be used directly, it is destructured to the names below
    instancePath: new codegen_1.Name("instancePath"),
    parentData: new codegen_1.Name("parentData"),
    parentDataProperty: new codegen_1.Name("parentDataProperty"),
    rootData: new codegen_1.Name("rootData"), // root data - same as the data passed to the first/top validation function
    dynamicAnchors: new codegen_1.Name("dynamicAnchors"), // used to support recursiveRef and dynamicRef
    // function scoped variables
    vErrors: new codegen_1.Name("vErrors"), // null or array of validation errors
    errors: new codegen_1.Name("errors"), // counter of validation errors
    this: new codegen_1.Name("this"),
    // "globals"
    self: new codegen_1.Name("self"),
    scope: new codegen_1.Name("scope"),
    // JTD serialize/parse name for JSON string and position
    json: new codegen_1.Name("json"),
    jsonPos: new codegen_1.Name("jsonPos"),
    jsonLen: new codegen_1.Name("jsonLen"),
    jsonPart: new codegen_1.Name("jsonPart"),
};
exports["default"] = names;
//# sourceMappingURL=names.js.map

/***/ }),

/***/ 3162:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const resolve_1 = __nccwpck_require__(4090);
class MissingRefError extends Error {
    constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
    }
}
exports["default"] = MissingRefError;
//# sourceMappingURL=ref_error.js.map

/***/ }),

/***/ 4090:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
const util_1 = __nccwpck_require__(4464);
const equal = __nccwpck_require__(3430);
const traverse = __nccwpck_require__(1167);
// TODO refactor to use keyword definitions
const SIMPLE_INLINED = new Set([
    "type",
    "format",
    "pattern",
    "maxLength",
    "minLength",
    "maxProperties",
    "minProperties",
    "maxItems",
    "minItems",
    "maximum",
    "minimum",
    "uniqueItems",
    "multipleOf",
    "required",
    "enum",
    "const",
]);
function inlineRef(schema, limit = true) {
    if (typeof schema == "boolean")
        return true;
    if (limit === true)
        return !hasRef(schema);
    if (!limit)
        return false;
    return countKeys(schema) <= limit;
}
exports.inlineRef = inlineRef;
const REF_KEYWORDS = new Set([
    "$ref",
    "$recursiveRef",
    "$recursiveAnchor",
    "$dynamicRef",
    "$dynamicAnchor",
]);
function hasRef(schema) {
    for (const key in schema) {
        if (REF_KEYWORDS.has(key))
            return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
            return true;
        if (typeof sch == "object" && hasRef(sch))
            return true;
    }
    return false;
}
function countKeys(schema) {
    let count = 0;
    for (const key in schema) {
        if (key === "$ref")
            return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
            continue;
        if (typeof schema[key] == "object") {
            (0, util_1.eachItem)(schema[key], (sch) => (count += countKeys(sch)));
        }
        if (count === Infinity)
            return Infinity;
    }
    return count;
}
function getFullPath(resolver, id = "", normalize) {
    if (normalize !== false)
        id = normalizeId(id);
    const p = resolver.parse(id);
    return _getFullPath(resolver, p);
}
exports.getFullPath = getFullPath;
function _getFullPath(resolver, p) {
    const serialized = resolver.serialize(p);
    return serialized.split("#")[0] + "#";
}
exports._getFullPath = _getFullPath;
const TRAILING_SLASH_HASH = /#\/?$/;
function normalizeId(id) {
    return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
}
exports.normalizeId = normalizeId;
function resolveUrl(resolver, baseId, id) {
    id = normalizeId(id);
    return resolver.resolve(baseId, id);
}
exports.resolveUrl = resolveUrl;
const ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
function getSchemaRefs(schema, baseId) {
    if (typeof schema == "boolean")
        return {};
    const { schemaId, uriResolver } = this.opts;
    const schId = normalizeId(schema[schemaId] || baseId);
    const baseIds = { "": schId };
    const pathPrefix = getFullPath(uriResolver, schId, false);
    const localRefs = {};
    const schemaRefs = new Set();
    traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === undefined)
            return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
            innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
            // eslint-disable-next-line @typescript-eslint/unbound-method
            const _resolve = this.opts.uriResolver.resolve;
            ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
            if (schemaRefs.has(ref))
                throw ambiguos(ref);
            schemaRefs.add(ref);
            let schOrRef = this.refs[ref];
            if (typeof schOrRef == "string")
                schOrRef = this.refs[schOrRef];
            if (typeof schOrRef == "object") {
                checkAmbiguosRef(sch, schOrRef.schema, ref);
            }
            else if (ref !== normalizeId(fullPath)) {
                if (ref[0] === "#") {
                    checkAmbiguosRef(sch, localRefs[ref], ref);
                    localRefs[ref] = sch;
                }
                else {
                    this.refs[ref] = fullPath;
                }
            }
            return ref;
        }
        function addAnchor(anchor) {
            if (typeof anchor == "string") {
                if (!ANCHOR.test(anchor))
                    throw new Error(`invalid anchor "${anchor}"`);
                addRef.call(this, `#${anchor}`);
            }
        }
    });
    return localRefs;
    function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== undefined && !equal(sch1, sch2))
            throw ambiguos(ref);
    }
    function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
    }
}
exports.getSchemaRefs = getSchemaRefs;
//# sourceMappingURL=resolve.js.map

/***/ }),

/***/ 7353:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getRules = exports.isJSONType = void 0;
const _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
const jsonTypes = new Set(_jsonTypes);
function isJSONType(x) {
    return typeof x == "string" && jsonTypes.has(x);
}
exports.isJSONType = isJSONType;
function getRules() {
    const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] },
    };
    return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {},
    };
}
exports.getRules = getRules;
//# sourceMappingURL=rules.js.map

/***/ }),

/***/ 4464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
const codegen_1 = __nccwpck_require__(1436);
const code_1 = __nccwpck_require__(567);
// TODO refactor to use Set
function toHash(arr) {
    const hash = {};
    for (const item of arr)
        hash[item] = true;
    return hash;
}
exports.toHash = toHash;
function alwaysValidSchema(it, schema) {
    if (typeof schema == "boolean")
        return schema;
    if (Object.keys(schema).length === 0)
        return true;
    checkUnknownRules(it, schema);
    return !schemaHasRules(schema, it.self.RULES.all);
}
exports.alwaysValidSchema = alwaysValidSchema;
function checkUnknownRules(it, schema = it.schema) {
    const { opts, self } = it;
    if (!opts.strictSchema)
        return;
    if (typeof schema === "boolean")
        return;
    const rules = self.RULES.keywords;
    for (const key in schema) {
        if (!rules[key])
            checkStrictMode(it, `unknown keyword: "${key}"`);
    }
}
exports.checkUnknownRules = checkUnknownRules;
function schemaHasRules(schema, rules) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (rules[key])
            return true;
    return false;
}
exports.schemaHasRules = schemaHasRules;
function schemaHasRulesButRef(schema, RULES) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
            return true;
    return false;
}
exports.schemaHasRulesButRef = schemaHasRulesButRef;
function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
    if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
            return schema;
        if (typeof schema == "string")
            return (0, codegen_1._) `${schema}`;
    }
    return (0, codegen_1._) `${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
}
exports.schemaRefOrVal = schemaRefOrVal;
function unescapeFragment(str) {
    return unescapeJsonPointer(decodeURIComponent(str));
}
exports.unescapeFragment = unescapeFragment;
function escapeFragment(str) {
    return encodeURIComponent(escapeJsonPointer(str));
}
exports.escapeFragment = escapeFragment;
function escapeJsonPointer(str) {
    if (typeof str == "number")
        return `${str}`;
    return str.replace(/~/g, "~0").replace(/\//g, "~1");
}
exports.escapeJsonPointer = escapeJsonPointer;
function unescapeJsonPointer(str) {
    return str.replace(/~1/g, "/").replace(/~0/g, "~");
}
exports.unescapeJsonPointer = unescapeJsonPointer;
function eachItem(xs, f) {
    if (Array.isArray(xs)) {
        for (const x of xs)
            f(x);
    }
    else {
        f(xs);
    }
}
exports.eachItem = eachItem;
function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName, }) {
    return (gen, from, to, toName) => {
        const res = to === undefined
            ? from
            : to instanceof codegen_1.Name
                ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to)
                : from instanceof codegen_1.Name
                    ? (mergeToName(gen, to, from), from)
                    : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
    };
}
exports.mergeEvaluated = {
    props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => {
            gen.if((0, codegen_1._) `${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._) `${to} || {}`).code((0, codegen_1._) `Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => {
            if (from === true) {
                gen.assign(to, true);
            }
            else {
                gen.assign(to, (0, codegen_1._) `${to} || {}`);
                setEvaluated(gen, to, from);
            }
        }),
        mergeValues: (from, to) => (from === true ? true : { ...from, ...to }),
        resultToName: evaluatedPropsToName,
    }),
    items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._) `${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._) `${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => (from === true ? true : Math.max(from, to)),
        resultToName: (gen, items) => gen.var("items", items),
    }),
};
function evaluatedPropsToName(gen, ps) {
    if (ps === true)
        return gen.var("props", true);
    const props = gen.var("props", (0, codegen_1._) `{}`);
    if (ps !== undefined)
        setEvaluated(gen, props, ps);
    return props;
}
exports.evaluatedPropsToName = evaluatedPropsToName;
function setEvaluated(gen, props, ps) {
    Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._) `${props}${(0, codegen_1.getProperty)(p)}`, true));
}
exports.setEvaluated = setEvaluated;
const snippets = {};
function useFunc(gen, f) {
    return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code)),
    });
}
exports.useFunc = useFunc;
var Type;
(function (Type) {
    Type[Type["Num"] = 0] = "Num";
    Type[Type["Str"] = 1] = "Str";
})(Type || (exports.Type = Type = {}));
function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
    // let path
    if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax
            ? isNumber
                ? (0, codegen_1._) `"[" + ${dataProp} + "]"`
                : (0, codegen_1._) `"['" + ${dataProp} + "']"`
            : isNumber
                ? (0, codegen_1._) `"/" + ${dataProp}`
                : (0, codegen_1._) `"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`; // TODO maybe use global escapePointer
    }
    return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
}
exports.getErrorPath = getErrorPath;
function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
    if (!mode)
        return;
    msg = `strict mode: ${msg}`;
    if (mode === true)
        throw new Error(msg);
    it.self.logger.warn(msg);
}
exports.checkStrictMode = checkStrictMode;
//# sourceMappingURL=util.js.map

/***/ }),

/***/ 7692:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
function schemaHasRulesForType({ schema, self }, type) {
    const group = self.RULES.types[type];
    return group && group !== true && shouldUseGroup(schema, group);
}
exports.schemaHasRulesForType = schemaHasRulesForType;
function shouldUseGroup(schema, group) {
    return group.rules.some((rule) => shouldUseRule(schema, rule));
}
exports.shouldUseGroup = shouldUseGroup;
function shouldUseRule(schema, rule) {
    var _a;
    return (schema[rule.keyword] !== undefined ||
        ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== undefined)));
}
exports.shouldUseRule = shouldUseRule;
//# sourceMappingURL=applicability.js.map

/***/ }),

/***/ 5346:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
const errors_1 = __nccwpck_require__(1283);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const boolError = {
    message: "boolean schema is false",
};
function topBoolOrEmptySchema(it) {
    const { gen, schema, validateName } = it;
    if (schema === false) {
        falseSchemaError(it, false);
    }
    else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, null);
        gen.return(true);
    }
}
exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
function boolOrEmptySchema(it, valid) {
    const { gen, schema } = it;
    if (schema === false) {
        gen.var(valid, false); // TODO var
        falseSchemaError(it);
    }
    else {
        gen.var(valid, true); // TODO var
    }
}
exports.boolOrEmptySchema = boolOrEmptySchema;
function falseSchemaError(it, overrideAllErrors) {
    const { gen, data } = it;
    // TODO maybe some other interface should be used for non-keyword validation errors...
    const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it,
    };
    (0, errors_1.reportError)(cxt, boolError, undefined, overrideAllErrors);
}
//# sourceMappingURL=boolSchema.js.map

/***/ }),

/***/ 6685:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
const rules_1 = __nccwpck_require__(7353);
const applicability_1 = __nccwpck_require__(7692);
const errors_1 = __nccwpck_require__(1283);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
var DataType;
(function (DataType) {
    DataType[DataType["Correct"] = 0] = "Correct";
    DataType[DataType["Wrong"] = 1] = "Wrong";
})(DataType || (exports.DataType = DataType = {}));
function getSchemaTypes(schema) {
    const types = getJSONTypes(schema.type);
    const hasNull = types.includes("null");
    if (hasNull) {
        if (schema.nullable === false)
            throw new Error("type: null contradicts nullable: false");
    }
    else {
        if (!types.length && schema.nullable !== undefined) {
            throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
            types.push("null");
    }
    return types;
}
exports.getSchemaTypes = getSchemaTypes;
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
function getJSONTypes(ts) {
    const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
    if (types.every(rules_1.isJSONType))
        return types;
    throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
}
exports.getJSONTypes = getJSONTypes;
function coerceAndCheckDataType(it, types) {
    const { gen, data, opts } = it;
    const coerceTo = coerceToTypes(types, opts.coerceTypes);
    const checkTypes = types.length > 0 &&
        !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
    if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
            if (coerceTo.length)
                coerceData(it, types, coerceTo);
            else
                reportTypeError(it);
        });
    }
    return checkTypes;
}
exports.coerceAndCheckDataType = coerceAndCheckDataType;
const COERCIBLE = new Set(["string", "number", "integer", "boolean", "null"]);
function coerceToTypes(types, coerceTypes) {
    return coerceTypes
        ? types.filter((t) => COERCIBLE.has(t) || (coerceTypes === "array" && t === "array"))
        : [];
}
function coerceData(it, types, coerceTo) {
    const { gen, data, opts } = it;
    const dataType = gen.let("dataType", (0, codegen_1._) `typeof ${data}`);
    const coerced = gen.let("coerced", (0, codegen_1._) `undefined`);
    if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._) `${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen
            .assign(data, (0, codegen_1._) `${data}[0]`)
            .assign(dataType, (0, codegen_1._) `typeof ${data}`)
            .if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
    }
    gen.if((0, codegen_1._) `${coerced} !== undefined`);
    for (const t of coerceTo) {
        if (COERCIBLE.has(t) || (t === "array" && opts.coerceTypes === "array")) {
            coerceSpecificType(t);
        }
    }
    gen.else();
    reportTypeError(it);
    gen.endIf();
    gen.if((0, codegen_1._) `${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
    });
    function coerceSpecificType(t) {
        switch (t) {
            case "string":
                gen
                    .elseIf((0, codegen_1._) `${dataType} == "number" || ${dataType} == "boolean"`)
                    .assign(coerced, (0, codegen_1._) `"" + ${data}`)
                    .elseIf((0, codegen_1._) `${data} === null`)
                    .assign(coerced, (0, codegen_1._) `""`);
                return;
            case "number":
                gen
                    .elseIf((0, codegen_1._) `${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`)
                    .assign(coerced, (0, codegen_1._) `+${data}`);
                return;
            case "integer":
                gen
                    .elseIf((0, codegen_1._) `${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`)
                    .assign(coerced, (0, codegen_1._) `+${data}`);
                return;
            case "boolean":
                gen
                    .elseIf((0, codegen_1._) `${data} === "false" || ${data} === 0 || ${data} === null`)
                    .assign(coerced, false)
                    .elseIf((0, codegen_1._) `${data} === "true" || ${data} === 1`)
                    .assign(coerced, true);
                return;
            case "null":
                gen.elseIf((0, codegen_1._) `${data} === "" || ${data} === 0 || ${data} === false`);
                gen.assign(coerced, null);
                return;
            case "array":
                gen
                    .elseIf((0, codegen_1._) `${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`)
                    .assign(coerced, (0, codegen_1._) `[${data}]`);
        }
    }
}
function assignParentData({ gen, parentData, parentDataProperty }, expr) {
    // TODO use gen.property
    gen.if((0, codegen_1._) `${parentData} !== undefined`, () => gen.assign((0, codegen_1._) `${parentData}[${parentDataProperty}]`, expr));
}
function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
    const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
    let cond;
    switch (dataType) {
        case "null":
            return (0, codegen_1._) `${data} ${EQ} null`;
        case "array":
            cond = (0, codegen_1._) `Array.isArray(${data})`;
            break;
        case "object":
            cond = (0, codegen_1._) `${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
            break;
        case "integer":
            cond = numCond((0, codegen_1._) `!(${data} % 1) && !isNaN(${data})`);
            break;
        case "number":
            cond = numCond();
            break;
        default:
            return (0, codegen_1._) `typeof ${data} ${EQ} ${dataType}`;
    }
    return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
    function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._) `typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._) `isFinite(${data})` : codegen_1.nil);
    }
}
exports.checkDataType = checkDataType;
function checkDataTypes(dataTypes, data, strictNums, correct) {
    if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
    }
    let cond;
    const types = (0, util_1.toHash)(dataTypes);
    if (types.array && types.object) {
        const notObj = (0, codegen_1._) `typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._) `!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
    }
    else {
        cond = codegen_1.nil;
    }
    if (types.number)
        delete types.integer;
    for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
    return cond;
}
exports.checkDataTypes = checkDataTypes;
const typeError = {
    message: ({ schema }) => `must be ${schema}`,
    params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._) `{type: ${schema}}` : (0, codegen_1._) `{type: ${schemaValue}}`,
};
function reportTypeError(it) {
    const cxt = getTypeErrorContext(it);
    (0, errors_1.reportError)(cxt, typeError);
}
exports.reportTypeError = reportTypeError;
function getTypeErrorContext(it) {
    const { gen, data, schema } = it;
    const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
    return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it,
    };
}
//# sourceMappingURL=dataType.js.map

/***/ }),

/***/ 1699:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.assignDefaults = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
function assignDefaults(it, ty) {
    const { properties, items } = it.schema;
    if (ty === "object" && properties) {
        for (const key in properties) {
            assignDefault(it, key, properties[key].default);
        }
    }
    else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
    }
}
exports.assignDefaults = assignDefaults;
function assignDefault(it, prop, defaultValue) {
    const { gen, compositeRule, data, opts } = it;
    if (defaultValue === undefined)
        return;
    const childData = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(prop)}`;
    if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
    }
    let condition = (0, codegen_1._) `${childData} === undefined`;
    if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._) `${condition} || ${childData} === null || ${childData} === ""`;
    }
    // `${childData} === undefined` +
    // (opts.useDefaults === "empty" ? ` || ${childData} === null || ${childData} === ""` : "")
    gen.if(condition, (0, codegen_1._) `${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
}
//# sourceMappingURL=defaults.js.map

/***/ }),

/***/ 7881:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
const boolSchema_1 = __nccwpck_require__(5346);
const dataType_1 = __nccwpck_require__(6685);
const applicability_1 = __nccwpck_require__(7692);
const dataType_2 = __nccwpck_require__(6685);
const defaults_1 = __nccwpck_require__(1699);
const keyword_1 = __nccwpck_require__(5202);
const subschema_1 = __nccwpck_require__(6200);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const resolve_1 = __nccwpck_require__(4090);
const util_1 = __nccwpck_require__(4464);
const errors_1 = __nccwpck_require__(1283);
// schema compilation - generates validation function, subschemaCode (below) is used for subschemas
function validateFunctionCode(it) {
    if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
            topSchemaObjCode(it);
            return;
        }
    }
    validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
}
exports.validateFunctionCode = validateFunctionCode;
function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
    if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
            gen.code((0, codegen_1._) `"use strict"; ${funcSourceUrl(schema, opts)}`);
            destructureValCxtES5(gen, opts);
            gen.code(body);
        });
    }
    else {
        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
    }
}
function destructureValCxt(opts) {
    return (0, codegen_1._) `{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._) `, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
}
function destructureValCxtES5(gen, opts) {
    gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
    }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._) `""`);
        gen.var(names_1.default.parentData, (0, codegen_1._) `undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `{}`);
    });
}
function topSchemaObjCode(it) {
    const { schema, opts, gen } = it;
    validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
            commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
            resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
    });
    return;
}
function resetEvaluated(it) {
    // TODO maybe some hook to execute it in the end to check whether props/items are Name, as in assignEvaluated
    const { gen, validateName } = it;
    it.evaluated = gen.const("evaluated", (0, codegen_1._) `${validateName}.evaluated`);
    gen.if((0, codegen_1._) `${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._) `${it.evaluated}.props`, (0, codegen_1._) `undefined`));
    gen.if((0, codegen_1._) `${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._) `${it.evaluated}.items`, (0, codegen_1._) `undefined`));
}
function funcSourceUrl(schema, opts) {
    const schId = typeof schema == "object" && schema[opts.schemaId];
    return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._) `/*# sourceURL=${schId} */` : codegen_1.nil;
}
// schema compilation - this function is used recursively to generate code for sub-schemas
function subschemaCode(it, valid) {
    if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
            subSchemaObjCode(it, valid);
            return;
        }
    }
    (0, boolSchema_1.boolOrEmptySchema)(it, valid);
}
function schemaCxtHasRules({ schema, self }) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (self.RULES.all[key])
            return true;
    return false;
}
function isSchemaObj(it) {
    return typeof it.schema != "boolean";
}
function subSchemaObjCode(it, valid) {
    const { schema, gen, opts } = it;
    if (opts.$comment && schema.$comment)
        commentKeyword(it);
    updateContext(it);
    checkAsyncSchema(it);
    const errsCount = gen.const("_errs", names_1.default.errors);
    typeAndKeywords(it, errsCount);
    // TODO var
    gen.var(valid, (0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
}
function checkKeywords(it) {
    (0, util_1.checkUnknownRules)(it);
    checkRefsAndKeywords(it);
}
function typeAndKeywords(it, errsCount) {
    if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
    const types = (0, dataType_1.getSchemaTypes)(it.schema);
    const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
    schemaKeywords(it, types, !checkedTypes, errsCount);
}
function checkRefsAndKeywords(it) {
    const { schema, errSchemaPath, opts, self } = it;
    if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
    }
}
function checkNoDefault(it) {
    const { schema, opts } = it;
    if (schema.default !== undefined && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
    }
}
function updateContext(it) {
    const schId = it.schema[it.opts.schemaId];
    if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
}
function checkAsyncSchema(it) {
    if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
}
function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
    const msg = schema.$comment;
    if (opts.$comment === true) {
        gen.code((0, codegen_1._) `${names_1.default.self}.logger.log(${msg})`);
    }
    else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str) `${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._) `${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
    }
}
function returnResults(it) {
    const { gen, schemaEnv, validateName, ValidationError, opts } = it;
    if (schemaEnv.$async) {
        // TODO assign unevaluated
        gen.if((0, codegen_1._) `${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._) `new ${ValidationError}(${names_1.default.vErrors})`));
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
            assignEvaluated(it);
        gen.return((0, codegen_1._) `${names_1.default.errors} === 0`);
    }
}
function assignEvaluated({ gen, evaluated, props, items }) {
    if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._) `${evaluated}.props`, props);
    if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._) `${evaluated}.items`, items);
}
function schemaKeywords(it, types, typeErrors, errsCount) {
    const { gen, schema, data, allErrors, opts, self } = it;
    const { RULES } = self;
    if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition)); // TODO typecast
        return;
    }
    if (!opts.jtd)
        checkStrictTypes(it, types);
    gen.block(() => {
        for (const group of RULES.rules)
            groupKeywords(group);
        groupKeywords(RULES.post);
    });
    function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
            return;
        if (group.type) {
            gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
            iterateKeywords(it, group);
            if (types.length === 1 && types[0] === group.type && typeErrors) {
                gen.else();
                (0, dataType_2.reportTypeError)(it);
            }
            gen.endIf();
        }
        else {
            iterateKeywords(it, group);
        }
        // TODO make it "ok" call?
        if (!allErrors)
            gen.if((0, codegen_1._) `${names_1.default.errors} === ${errsCount || 0}`);
    }
}
function iterateKeywords(it, group) {
    const { gen, schema, opts: { useDefaults }, } = it;
    if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
    gen.block(() => {
        for (const rule of group.rules) {
            if ((0, applicability_1.shouldUseRule)(schema, rule)) {
                keywordCode(it, rule.keyword, rule.definition, group.type);
            }
        }
    });
}
function checkStrictTypes(it, types) {
    if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
    checkContextTypes(it, types);
    if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
    checkKeywordTypes(it, it.dataTypes);
}
function checkContextTypes(it, types) {
    if (!types.length)
        return;
    if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
    }
    types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
            strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
    });
    narrowSchemaTypes(it, types);
}
function checkMultipleTypes(it, ts) {
    if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
    }
}
function checkKeywordTypes(it, ts) {
    const rules = it.self.RULES.all;
    for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
            const { type } = rule.definition;
            if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
                strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
            }
        }
    }
}
function hasApplicableType(schTs, kwdT) {
    return schTs.includes(kwdT) || (kwdT === "number" && schTs.includes("integer"));
}
function includesType(ts, t) {
    return ts.includes(t) || (t === "integer" && ts.includes("number"));
}
function narrowSchemaTypes(it, withTypes) {
    const ts = [];
    for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
            ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
            ts.push("integer");
    }
    it.dataTypes = ts;
}
function strictTypesError(it, msg) {
    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
    msg += ` at "${schemaPath}" (strictTypes)`;
    (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
}
class KeywordCxt {
    constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
            this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        }
        else {
            this.schemaCode = this.schemaValue;
            if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
                throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
            }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
            this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
    }
    result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
    }
    failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
            failAction();
        else
            this.error();
        if (successAction) {
            this.gen.else();
            successAction();
            if (this.allErrors)
                this.gen.endIf();
        }
        else {
            if (this.allErrors)
                this.gen.endIf();
            else
                this.gen.else();
        }
    }
    pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), undefined, failAction);
    }
    fail(condition) {
        if (condition === undefined) {
            this.error();
            if (!this.allErrors)
                this.gen.if(false); // this branch will be removed by gen.optimize
            return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
            this.gen.endIf();
        else
            this.gen.else();
    }
    fail$data(condition) {
        if (!this.$data)
            return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._) `${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
    }
    error(append, errorParams, errorPaths) {
        if (errorParams) {
            this.setParams(errorParams);
            this._error(append, errorPaths);
            this.setParams({});
            return;
        }
        this._error(append, errorPaths);
    }
    _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
    }
    $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
    }
    reset() {
        if (this.errsCount === undefined)
            throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
    }
    ok(cond) {
        if (!this.allErrors)
            this.gen.if(cond);
    }
    setParams(obj, assign) {
        if (assign)
            Object.assign(this.params, obj);
        else
            this.params = obj;
    }
    block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
            this.check$data(valid, $dataValid);
            codeBlock();
        });
    }
    check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
            return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._) `${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
            gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
            gen.elseIf(this.invalid$data());
            this.$dataError();
            if (valid !== codegen_1.nil)
                gen.assign(valid, false);
        }
        gen.else();
    }
    invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
            if (schemaType.length) {
                /* istanbul ignore if */
                if (!(schemaCode instanceof codegen_1.Name))
                    throw new Error("ajv implementation error");
                const st = Array.isArray(schemaType) ? schemaType : [schemaType];
                return (0, codegen_1._) `${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
            }
            return codegen_1.nil;
        }
        function invalid$DataSchema() {
            if (def.validateSchema) {
                const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema }); // TODO value.code for standalone
                return (0, codegen_1._) `!${validateSchemaRef}(${schemaCode})`;
            }
            return codegen_1.nil;
        }
    }
    subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: undefined, props: undefined };
        subschemaCode(nextContext, valid);
        return nextContext;
    }
    mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
            return;
        if (it.props !== true && schemaCxt.props !== undefined) {
            it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== undefined) {
            it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
    }
    mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
            gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
            return true;
        }
    }
}
exports.KeywordCxt = KeywordCxt;
function keywordCode(it, keyword, def, ruleType) {
    const cxt = new KeywordCxt(it, def, keyword);
    if ("code" in def) {
        def.code(cxt, ruleType);
    }
    else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
    }
    else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
    }
    else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
    }
}
const JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
const RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
function getData($data, { dataLevel, dataNames, dataPathArr }) {
    let jsonPointer;
    let data;
    if ($data === "")
        return names_1.default.rootData;
    if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
            throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
    }
    else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
            throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
            if (up >= dataLevel)
                throw new Error(errorMsg("property/index", up));
            return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
            throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
            return data;
    }
    let expr = data;
    const segments = jsonPointer.split("/");
    for (const segment of segments) {
        if (segment) {
            data = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
            expr = (0, codegen_1._) `${expr} && ${data}`;
        }
    }
    return expr;
    function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
    }
}
exports.getData = getData;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5202:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const code_1 = __nccwpck_require__(8484);
const errors_1 = __nccwpck_require__(1283);
function macroKeywordCode(cxt, def) {
    const { gen, keyword, schema, parentSchema, it } = cxt;
    const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
    const schemaRef = useKeyword(gen, keyword, macroSchema);
    if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
    const valid = gen.name("valid");
    cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true,
    }, valid);
    cxt.pass(valid, () => cxt.error(true));
}
exports.macroKeywordCode = macroKeywordCode;
function funcKeywordCode(cxt, def) {
    var _a;
    const { gen, keyword, schema, parentSchema, $data, it } = cxt;
    checkAsyncKeyword(it, def);
    const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
    const validateRef = useKeyword(gen, keyword, validate);
    const valid = gen.let("valid");
    cxt.block$data(valid, validateKeyword);
    cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
    function validateKeyword() {
        if (def.errors === false) {
            assignValid();
            if (def.modifying)
                modifyData(cxt);
            reportErrs(() => cxt.error());
        }
        else {
            const ruleErrs = def.async ? validateAsync() : validateSync();
            if (def.modifying)
                modifyData(cxt);
            reportErrs(() => addErrs(cxt, ruleErrs));
        }
    }
    function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._) `await `), (e) => gen.assign(valid, false).if((0, codegen_1._) `${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._) `${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
    }
    function validateSync() {
        const validateErrs = (0, codegen_1._) `${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
    }
    function assignValid(_await = def.async ? (0, codegen_1._) `await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !(("compile" in def && !$data) || def.schema === false);
        gen.assign(valid, (0, codegen_1._) `${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
    }
    function reportErrs(errors) {
        var _a;
        gen.if((0, codegen_1.not)((_a = def.valid) !== null && _a !== void 0 ? _a : valid), errors);
    }
}
exports.funcKeywordCode = funcKeywordCode;
function modifyData(cxt) {
    const { gen, data, it } = cxt;
    gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._) `${it.parentData}[${it.parentDataProperty}]`));
}
function addErrs(cxt, errs) {
    const { gen } = cxt;
    gen.if((0, codegen_1._) `Array.isArray(${errs})`, () => {
        gen
            .assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`)
            .assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
    }, () => cxt.error());
}
function checkAsyncKeyword({ schemaEnv }, def) {
    if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
}
function useKeyword(gen, keyword, result) {
    if (result === undefined)
        throw new Error(`keyword "${keyword}" failed to compile`);
    return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
}
function validSchemaType(schema, schemaType, allowUndefined = false) {
    // TODO add tests
    return (!schemaType.length ||
        schemaType.some((st) => st === "array"
            ? Array.isArray(schema)
            : st === "object"
                ? schema && typeof schema == "object" && !Array.isArray(schema)
                : typeof schema == st || (allowUndefined && typeof schema == "undefined")));
}
exports.validSchemaType = validSchemaType;
function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
    /* istanbul ignore if */
    if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
    }
    const deps = def.dependencies;
    if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
    }
    if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
            const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` +
                self.errorsText(def.validateSchema.errors);
            if (opts.validateSchema === "log")
                self.logger.error(msg);
            else
                throw new Error(msg);
        }
    }
}
exports.validateKeywordUsage = validateKeywordUsage;
//# sourceMappingURL=keyword.js.map

/***/ }),

/***/ 6200:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
    if (keyword !== undefined && schema !== undefined) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
    }
    if (keyword !== undefined) {
        const sch = it.schema[keyword];
        return schemaProp === undefined
            ? {
                schema: sch,
                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
                errSchemaPath: `${it.errSchemaPath}/${keyword}`,
            }
            : {
                schema: sch[schemaProp],
                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
                errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`,
            };
    }
    if (schema !== undefined) {
        if (schemaPath === undefined || errSchemaPath === undefined || topSchemaRef === undefined) {
            throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
            schema,
            schemaPath,
            topSchemaRef,
            errSchemaPath,
        };
    }
    throw new Error('either "keyword" or "schema" must be passed');
}
exports.getSubschema = getSubschema;
function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
    if (data !== undefined && dataProp !== undefined) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
    }
    const { gen } = it;
    if (dataProp !== undefined) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._) `${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._) `${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
    }
    if (data !== undefined) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true); // replaceable if used once?
        dataContextProps(nextData);
        if (propertyName !== undefined)
            subschema.propertyName = propertyName;
        // TODO something is possibly wrong here with not changing parentDataProperty and not appending dataPathArr
    }
    if (dataTypes)
        subschema.dataTypes = dataTypes;
    function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
    }
}
exports.extendSubschemaData = extendSubschemaData;
function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
    if (compositeRule !== undefined)
        subschema.compositeRule = compositeRule;
    if (createErrors !== undefined)
        subschema.createErrors = createErrors;
    if (allErrors !== undefined)
        subschema.allErrors = allErrors;
    subschema.jtdDiscriminator = jtdDiscriminator; // not inherited
    subschema.jtdMetadata = jtdMetadata; // not inherited
}
exports.extendSubschemaMode = extendSubschemaMode;
//# sourceMappingURL=subschema.js.map

/***/ }),

/***/ 3893:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
var validate_1 = __nccwpck_require__(7881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __nccwpck_require__(1436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
const validation_error_1 = __nccwpck_require__(3021);
const ref_error_1 = __nccwpck_require__(3162);
const rules_1 = __nccwpck_require__(7353);
const compile_1 = __nccwpck_require__(2718);
const codegen_2 = __nccwpck_require__(1436);
const resolve_1 = __nccwpck_require__(4090);
const dataType_1 = __nccwpck_require__(6685);
const util_1 = __nccwpck_require__(4464);
const $dataRefSchema = __nccwpck_require__(3837);
const uri_1 = __nccwpck_require__(6285);
const defaultRegExp = (str, flags) => new RegExp(str, flags);
defaultRegExp.code = "new RegExp";
const META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
const EXT_SCOPE_NAMES = new Set([
    "validate",
    "serialize",
    "parse",
    "wrapper",
    "root",
    "schema",
    "keyword",
    "pattern",
    "formats",
    "validate$data",
    "func",
    "obj",
    "Error",
]);
const removedOptions = {
    errorDataPath: "",
    format: "`validateFormats: false` can be used instead.",
    nullable: '"nullable" keyword is supported by default.',
    jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
    extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
    missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
    processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
    sourceCode: "Use option `code: {source: true}`",
    strictDefaults: "It is default now, see option `strict`.",
    strictKeywords: "It is default now, see option `strict`.",
    uniqueItems: '"uniqueItems" keyword is always validated.',
    unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
    cache: "Map is used as cache, schema object as key.",
    serialize: "Map is used as cache, schema object as key.",
    ajvErrors: "It is default now.",
};
const deprecatedOptions = {
    ignoreKeywordsWithRef: "",
    jsPropertySyntax: "",
    unicode: '"minLength"/"maxLength" account for unicode characters by default.',
};
const MAX_EXPRESSION = 200;
// eslint-disable-next-line complexity
function requiredOptions(o) {
    var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
    const s = o.strict;
    const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
    const optimize = _optz === true || _optz === undefined ? 1 : _optz || 0;
    const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
    const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
    return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver: uriResolver,
    };
}
class Ajv {
    constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = Object.create(null);
        this._compilations = new Set();
        this._loading = {};
        this._cache = new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
            addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
            addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
            this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
    }
    _addVocabularies() {
        this.addKeyword("$async");
    }
    _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
            _dataRefSchema = { ...$dataRefSchema };
            _dataRefSchema.id = _dataRefSchema.$id;
            delete _dataRefSchema.$id;
        }
        if (meta && $data)
            this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
    }
    defaultMeta() {
        const { meta, schemaId } = this.opts;
        return (this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : undefined);
    }
    validate(schemaKeyRef, // key, ref or schema object
    // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
    data // to be validated
    ) {
        let v;
        if (typeof schemaKeyRef == "string") {
            v = this.getSchema(schemaKeyRef);
            if (!v)
                throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        }
        else {
            v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
            this.errors = v.errors;
        return valid;
    }
    compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return (sch.validate || this._compileSchemaEnv(sch));
    }
    compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
            throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
            await loadMetaSchema.call(this, _schema.$schema);
            const sch = this._addSchema(_schema, _meta);
            return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
            if ($ref && !this.getSchema($ref)) {
                await runCompileAsync.call(this, { $ref }, true);
            }
        }
        async function _compileAsync(sch) {
            try {
                return this._compileSchemaEnv(sch);
            }
            catch (e) {
                if (!(e instanceof ref_error_1.default))
                    throw e;
                checkLoaded.call(this, e);
                await loadMissingSchema.call(this, e.missingSchema);
                return _compileAsync.call(this, sch);
            }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
            if (this.refs[ref]) {
                throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
            }
        }
        async function loadMissingSchema(ref) {
            const _schema = await _loadSchema.call(this, ref);
            if (!this.refs[ref])
                await loadMetaSchema.call(this, _schema.$schema);
            if (!this.refs[ref])
                this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
            const p = this._loading[ref];
            if (p)
                return p;
            try {
                return await (this._loading[ref] = loadSchema(ref));
            }
            finally {
                delete this._loading[ref];
            }
        }
    }
    // Adds schema to the instance
    addSchema(schema, // If array is passed, `key` will be ignored
    key, // Optional schema key. Can be passed to `validate` method instead of schema object or id/ref. One schema per instance can have empty `id` and `key`.
    _meta, // true if schema is a meta-schema. Used internally, addMetaSchema should be used instead.
    _validateSchema = this.opts.validateSchema // false to skip schema validation. Used internally, option validateSchema should be used instead.
    ) {
        if (Array.isArray(schema)) {
            for (const sch of schema)
                this.addSchema(sch, undefined, _meta, _validateSchema);
            return this;
        }
        let id;
        if (typeof schema === "object") {
            const { schemaId } = this.opts;
            id = schema[schemaId];
            if (id !== undefined && typeof id != "string") {
                throw new Error(`schema ${schemaId} must be string`);
            }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
    }
    // Add schema that will be used to validate other schemas
    // options in META_IGNORE_OPTIONS are alway set to false
    addMetaSchema(schema, key, // schema key
    _validateSchema = this.opts.validateSchema // false to skip schema validation, can be used to override validateSchema option for meta-schema
    ) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
    }
    //  Validate schema against its meta-schema
    validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
            return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== undefined && typeof $schema != "string") {
            throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
            this.logger.warn("meta-schema not available");
            this.errors = null;
            return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
            const message = "schema is invalid: " + this.errorsText();
            if (this.opts.validateSchema === "log")
                this.logger.error(message);
            else
                throw new Error(message);
        }
        return valid;
    }
    // Get compiled schema by `key` or `ref`.
    // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
    getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
            keyRef = sch;
        if (sch === undefined) {
            const { schemaId } = this.opts;
            const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
            sch = compile_1.resolveSchema.call(this, root, keyRef);
            if (!sch)
                return;
            this.refs[keyRef] = sch;
        }
        return (sch.validate || this._compileSchemaEnv(sch));
    }
    // Remove cached schema(s).
    // If no parameter is passed all schemas but meta-schemas are removed.
    // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
    // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
    removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
            this._removeAllSchemas(this.schemas, schemaKeyRef);
            this._removeAllSchemas(this.refs, schemaKeyRef);
            return this;
        }
        switch (typeof schemaKeyRef) {
            case "undefined":
                this._removeAllSchemas(this.schemas);
                this._removeAllSchemas(this.refs);
                this._cache.clear();
                return this;
            case "string": {
                const sch = getSchEnv.call(this, schemaKeyRef);
                if (typeof sch == "object")
                    this._cache.delete(sch.schema);
                delete this.schemas[schemaKeyRef];
                delete this.refs[schemaKeyRef];
                return this;
            }
            case "object": {
                const cacheKey = schemaKeyRef;
                this._cache.delete(cacheKey);
                let id = schemaKeyRef[this.opts.schemaId];
                if (id) {
                    id = (0, resolve_1.normalizeId)(id);
                    delete this.schemas[id];
                    delete this.refs[id];
                }
                return this;
            }
            default:
                throw new Error("ajv.removeSchema: invalid parameter");
        }
    }
    // add "vocabulary" - a collection of keywords
    addVocabulary(definitions) {
        for (const def of definitions)
            this.addKeyword(def);
        return this;
    }
    addKeyword(kwdOrDef, def // deprecated
    ) {
        let keyword;
        if (typeof kwdOrDef == "string") {
            keyword = kwdOrDef;
            if (typeof def == "object") {
                this.logger.warn("these parameters are deprecated, see docs for addKeyword");
                def.keyword = keyword;
            }
        }
        else if (typeof kwdOrDef == "object" && def === undefined) {
            def = kwdOrDef;
            keyword = def.keyword;
            if (Array.isArray(keyword) && !keyword.length) {
                throw new Error("addKeywords: keyword must be string or non-empty array");
            }
        }
        else {
            throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
            (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
            return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
            ...def,
            type: (0, dataType_1.getJSONTypes)(def.type),
            schemaType: (0, dataType_1.getJSONTypes)(def.schemaType),
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0
            ? (k) => addRule.call(this, k, definition)
            : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
    }
    getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
    }
    // Remove keyword
    removeKeyword(keyword) {
        // TODO return type should be Ajv
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
            const i = group.rules.findIndex((rule) => rule.keyword === keyword);
            if (i >= 0)
                group.rules.splice(i, 1);
        }
        return this;
    }
    // Add format
    addFormat(name, format) {
        if (typeof format == "string")
            format = new RegExp(format);
        this.formats[name] = format;
        return this;
    }
    errorsText(errors = this.errors, // optional array of validation errors
    { separator = ", ", dataVar = "data" } = {} // optional options with properties `separator` and `dataVar`
    ) {
        if (!errors || errors.length === 0)
            return "No errors";
        return errors
            .map((e) => `${dataVar}${e.instancePath} ${e.message}`)
            .reduce((text, msg) => text + separator + msg);
    }
    $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
            const segments = jsonPointer.split("/").slice(1); // first segment is an empty string
            let keywords = metaSchema;
            for (const seg of segments)
                keywords = keywords[seg];
            for (const key in rules) {
                const rule = rules[key];
                if (typeof rule != "object")
                    continue;
                const { $data } = rule.definition;
                const schema = keywords[key];
                if ($data && schema)
                    keywords[key] = schemaOrData(schema);
            }
        }
        return metaSchema;
    }
    _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
            const sch = schemas[keyRef];
            if (!regex || regex.test(keyRef)) {
                if (typeof sch == "string") {
                    delete schemas[keyRef];
                }
                else if (sch && !sch.meta) {
                    this._cache.delete(sch.schema);
                    delete schemas[keyRef];
                }
            }
        }
    }
    _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
            id = schema[schemaId];
        }
        else {
            if (this.opts.jtd)
                throw new Error("schema must be object");
            else if (typeof schema != "boolean")
                throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== undefined)
            return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
            // TODO atm it is allowed to overwrite schemas without id (instead of not adding them)
            if (baseId)
                this._checkUnique(baseId);
            this.refs[baseId] = sch;
        }
        if (validateSchema)
            this.validateSchema(schema, true);
        return sch;
    }
    _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
            throw new Error(`schema with key or id "${id}" already exists`);
        }
    }
    _compileSchemaEnv(sch) {
        if (sch.meta)
            this._compileMetaSchema(sch);
        else
            compile_1.compileSchema.call(this, sch);
        /* istanbul ignore if */
        if (!sch.validate)
            throw new Error("ajv implementation error");
        return sch.validate;
    }
    _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
            compile_1.compileSchema.call(this, sch);
        }
        finally {
            this.opts = currentOpts;
        }
    }
}
Ajv.ValidationError = validation_error_1.default;
Ajv.MissingRefError = ref_error_1.default;
exports["default"] = Ajv;
function checkOptions(checkOpts, options, msg, log = "error") {
    for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
            this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
    }
}
function getSchEnv(keyRef) {
    keyRef = (0, resolve_1.normalizeId)(keyRef); // TODO tests fail without this line
    return this.schemas[keyRef] || this.refs[keyRef];
}
function addInitialSchemas() {
    const optsSchemas = this.opts.schemas;
    if (!optsSchemas)
        return;
    if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
    else
        for (const key in optsSchemas)
            this.addSchema(optsSchemas[key], key);
}
function addInitialFormats() {
    for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
            this.addFormat(name, format);
    }
}
function addInitialKeywords(defs) {
    if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
    }
    this.logger.warn("keywords option as map is deprecated, pass array");
    for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
            def.keyword = keyword;
        this.addKeyword(def);
    }
}
function getMetaSchemaOptions() {
    const metaOpts = { ...this.opts };
    for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
    return metaOpts;
}
const noLogs = { log() { }, warn() { }, error() { } };
function getLogger(logger) {
    if (logger === false)
        return noLogs;
    if (logger === undefined)
        return console;
    if (logger.log && logger.warn && logger.error)
        return logger;
    throw new Error("logger must implement log, warn and error methods");
}
const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
function checkKeyword(keyword, def) {
    const { RULES } = this;
    (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
            throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
            throw new Error(`Keyword ${kwd} has invalid name`);
    });
    if (!def)
        return;
    if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
    }
}
function addRule(keyword, definition, dataType) {
    var _a;
    const post = definition === null || definition === void 0 ? void 0 : definition.post;
    if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
    const { RULES } = this;
    let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
    if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
    }
    RULES.keywords[keyword] = true;
    if (!definition)
        return;
    const rule = {
        keyword,
        definition: {
            ...definition,
            type: (0, dataType_1.getJSONTypes)(definition.type),
            schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType),
        },
    };
    if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
    else
        ruleGroup.rules.push(rule);
    RULES.all[keyword] = rule;
    (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
}
function addBeforeRule(ruleGroup, rule, before) {
    const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
    if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
    }
    else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
    }
}
function keywordMetaschema(def) {
    let { metaSchema } = def;
    if (metaSchema === undefined)
        return;
    if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
    def.validateSchema = this.compile(metaSchema, true);
}
const $dataRef = {
    $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
};
function schemaOrData(schema) {
    return { anyOf: [schema, $dataRef] };
}
//# sourceMappingURL=core.js.map

/***/ }),

/***/ 4951:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://github.com/ajv-validator/ajv/issues/889
const equal = __nccwpck_require__(3430);
equal.code = 'require("ajv/dist/runtime/equal").default';
exports["default"] = equal;
//# sourceMappingURL=equal.js.map

/***/ }),

/***/ 6214:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports["default"] = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 6285:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const uri = __nccwpck_require__(4352);
uri.code = 'require("ajv/dist/runtime/uri").default';
exports["default"] = uri;
//# sourceMappingURL=uri.js.map

/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
class ValidationError extends Error {
    constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
    }
}
exports["default"] = ValidationError;
//# sourceMappingURL=validation_error.js.map

/***/ }),

/***/ 1398:
/***/ ((module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const scope_1 = __nccwpck_require__(7788);
const code_1 = __nccwpck_require__(567);
function standaloneCode(ajv, refsOrFunc) {
    if (!ajv.opts.code.source) {
        throw new Error("moduleCode: ajv instance must have code.source option");
    }
    const { _n } = ajv.scope.opts;
    return typeof refsOrFunc == "function"
        ? funcExportCode(refsOrFunc.source)
        : refsOrFunc !== undefined
            ? multiExportsCode(refsOrFunc, getValidate)
            : multiExportsCode(ajv.schemas, (sch) => sch.meta ? undefined : ajv.compile(sch.schema));
    function getValidate(id) {
        const v = ajv.getSchema(id);
        if (!v)
            throw new Error(`moduleCode: no schema with id ${id}`);
        return v;
    }
    function funcExportCode(source) {
        const usedValues = {};
        const n = source === null || source === void 0 ? void 0 : source.validateName;
        const vCode = validateCode(usedValues, source);
        if (ajv.opts.code.esm) {
            // Always do named export as `validate` rather than the variable `n` which is `validateXX` for known export value
            return `"use strict";${_n}export const validate = ${n};${_n}export default ${n};${_n}${vCode}`;
        }
        return `"use strict";${_n}module.exports = ${n};${_n}module.exports.default = ${n};${_n}${vCode}`;
    }
    function multiExportsCode(schemas, getValidateFunc) {
        var _a;
        const usedValues = {};
        let code = (0, code_1._) `"use strict";`;
        for (const name in schemas) {
            const v = getValidateFunc(schemas[name]);
            if (v) {
                const vCode = validateCode(usedValues, v.source);
                const exportSyntax = ajv.opts.code.esm
                    ? (0, code_1._) `export const ${(0, code_1.getEsmExportName)(name)}`
                    : (0, code_1._) `exports${(0, code_1.getProperty)(name)}`;
                code = (0, code_1._) `${code}${_n}${exportSyntax} = ${(_a = v.source) === null || _a === void 0 ? void 0 : _a.validateName};${_n}${vCode}`;
            }
        }
        return `${code}`;
    }
    function validateCode(usedValues, s) {
        if (!s)
            throw new Error('moduleCode: function does not have "source" property');
        if (usedState(s.validateName) === scope_1.UsedValueState.Completed)
            return code_1.nil;
        setUsedState(s.validateName, scope_1.UsedValueState.Started);
        const scopeCode = ajv.scope.scopeCode(s.scopeValues, usedValues, refValidateCode);
        const code = new code_1._Code(`${scopeCode}${_n}${s.validateCode}`);
        return s.evaluated ? (0, code_1._) `${code}${s.validateName}.evaluated = ${s.evaluated};${_n}` : code;
        function refValidateCode(n) {
            var _a;
            const vRef = (_a = n.value) === null || _a === void 0 ? void 0 : _a.ref;
            if (n.prefix === "validate" && typeof vRef == "function") {
                const v = vRef;
                return validateCode(usedValues, v.source);
            }
            else if ((n.prefix === "root" || n.prefix === "wrapper") && typeof vRef == "object") {
                const { validate, validateName } = vRef;
                if (!validateName)
                    throw new Error("ajv internal error");
                const def = ajv.opts.code.es5 ? scope_1.varKinds.var : scope_1.varKinds.const;
                const wrapper = (0, code_1._) `${def} ${n} = {validate: ${validateName}};`;
                if (usedState(validateName) === scope_1.UsedValueState.Started)
                    return wrapper;
                const vCode = validateCode(usedValues, validate === null || validate === void 0 ? void 0 : validate.source);
                return (0, code_1._) `${wrapper}${_n}${vCode}`;
            }
            return undefined;
        }
        function usedState(name) {
            var _a;
            return (_a = usedValues[name.prefix]) === null || _a === void 0 ? void 0 : _a.get(name);
        }
        function setUsedState(name, state) {
            const { prefix } = name;
            const names = (usedValues[prefix] = usedValues[prefix] || new Map());
            names.set(name, state);
        }
    }
}
module.exports = exports = standaloneCode;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = standaloneCode;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 3448:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateAdditionalItems = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
};
const def = {
    keyword: "additionalItems",
    type: "array",
    schemaType: ["boolean", "object"],
    before: "uniqueItems",
    error,
    code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
            (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
            return;
        }
        validateAdditionalItems(cxt, items);
    },
};
function validateAdditionalItems(cxt, items) {
    const { gen, schema, data, keyword, it } = cxt;
    it.items = true;
    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
    if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._) `${len} <= ${items.length}`);
    }
    else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._) `${len} <= ${items.length}`); // TODO var
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
    }
    function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
            cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
    }
}
exports.validateAdditionalItems = validateAdditionalItems;
exports["default"] = def;
//# sourceMappingURL=additionalItems.js.map

/***/ }),

/***/ 2431:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: "must NOT have additional properties",
    params: ({ params }) => (0, codegen_1._) `{additionalProperty: ${params.additionalProperty}}`,
};
const def = {
    keyword: "additionalProperties",
    type: ["object"],
    schemaType: ["boolean", "object"],
    allowUndefined: true,
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        /* istanbul ignore if */
        if (!errsCount)
            throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
            return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
            gen.forIn("key", data, (key) => {
                if (!props.length && !patProps.length)
                    additionalPropertyCode(key);
                else
                    gen.if(isAdditional(key), () => additionalPropertyCode(key));
            });
        }
        function isAdditional(key) {
            let definedProp;
            if (props.length > 8) {
                // TODO maybe an option instead of hard-coded 8?
                const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
                definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
            }
            else if (props.length) {
                definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._) `${key} === ${p}`));
            }
            else {
                definedProp = codegen_1.nil;
            }
            if (patProps.length) {
                definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._) `${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
            }
            return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
            gen.code((0, codegen_1._) `delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
            if (opts.removeAdditional === "all" || (opts.removeAdditional && schema === false)) {
                deleteAdditional(key);
                return;
            }
            if (schema === false) {
                cxt.setParams({ additionalProperty: key });
                cxt.error();
                if (!allErrors)
                    gen.break();
                return;
            }
            if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
                const valid = gen.name("valid");
                if (opts.removeAdditional === "failing") {
                    applyAdditionalSchema(key, valid, false);
                    gen.if((0, codegen_1.not)(valid), () => {
                        cxt.reset();
                        deleteAdditional(key);
                    });
                }
                else {
                    applyAdditionalSchema(key, valid);
                    if (!allErrors)
                        gen.if((0, codegen_1.not)(valid), () => gen.break());
                }
            }
        }
        function applyAdditionalSchema(key, valid, errors) {
            const subschema = {
                keyword: "additionalProperties",
                dataProp: key,
                dataPropType: util_1.Type.Str,
            };
            if (errors === false) {
                Object.assign(subschema, {
                    compositeRule: true,
                    createErrors: false,
                    allErrors: false,
                });
            }
            cxt.subschema(subschema, valid);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=additionalProperties.js.map

/***/ }),

/***/ 9205:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: "allOf",
    schemaType: "array",
    code(cxt) {
        const { gen, schema, it } = cxt;
        /* istanbul ignore if */
        if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
            if ((0, util_1.alwaysValidSchema)(it, sch))
                return;
            const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
            cxt.ok(valid);
            cxt.mergeEvaluated(schCxt);
        });
    },
};
exports["default"] = def;
//# sourceMappingURL=allOf.js.map

/***/ }),

/***/ 9380:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const def = {
    keyword: "anyOf",
    schemaType: "array",
    trackErrors: true,
    code: code_1.validateUnion,
    error: { message: "must match a schema in anyOf" },
};
exports["default"] = def;
//# sourceMappingURL=anyOf.js.map

/***/ }),

/***/ 6182:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { min, max } }) => max === undefined
        ? (0, codegen_1.str) `must contain at least ${min} valid item(s)`
        : (0, codegen_1.str) `must contain at least ${min} and no more than ${max} valid item(s)`,
    params: ({ params: { min, max } }) => max === undefined ? (0, codegen_1._) `{minContains: ${min}}` : (0, codegen_1._) `{minContains: ${min}, maxContains: ${max}}`,
};
const def = {
    keyword: "contains",
    type: "array",
    schemaType: ["object", "boolean"],
    before: "uniqueItems",
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
            min = minContains === undefined ? 1 : minContains;
            max = maxContains;
        }
        else {
            min = 1;
        }
        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
        cxt.setParams({ min, max });
        if (max === undefined && min === 0) {
            (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
            return;
        }
        if (max !== undefined && min > max) {
            (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
            cxt.fail();
            return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
            let cond = (0, codegen_1._) `${len} >= ${min}`;
            if (max !== undefined)
                cond = (0, codegen_1._) `${cond} && ${len} <= ${max}`;
            cxt.pass(cond);
            return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === undefined && min === 1) {
            validateItems(valid, () => gen.if(valid, () => gen.break()));
        }
        else if (min === 0) {
            gen.let(valid, true);
            if (max !== undefined)
                gen.if((0, codegen_1._) `${data}.length > 0`, validateItemsWithCount);
        }
        else {
            gen.let(valid, false);
            validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
            const schValid = gen.name("_valid");
            const count = gen.let("count", 0);
            validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
            gen.forRange("i", 0, len, (i) => {
                cxt.subschema({
                    keyword: "contains",
                    dataProp: i,
                    dataPropType: util_1.Type.Num,
                    compositeRule: true,
                }, _valid);
                block();
            });
        }
        function checkLimits(count) {
            gen.code((0, codegen_1._) `${count}++`);
            if (max === undefined) {
                gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true).break());
            }
            else {
                gen.if((0, codegen_1._) `${count} > ${max}`, () => gen.assign(valid, false).break());
                if (min === 1)
                    gen.assign(valid, true);
                else
                    gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true));
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=contains.js.map

/***/ }),

/***/ 5826:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const code_1 = __nccwpck_require__(8484);
exports.error = {
    message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str) `must have ${property_ies} ${deps} when property ${property} is present`;
    },
    params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._) `{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`, // TODO change to reference
};
const def = {
    keyword: "dependencies",
    type: "object",
    schemaType: "object",
    error: exports.error,
    code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
    },
};
function splitDependencies({ schema }) {
    const propertyDeps = {};
    const schemaDeps = {};
    for (const key in schema) {
        if (key === "__proto__")
            continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
    }
    return [propertyDeps, schemaDeps];
}
function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
    const { gen, data, it } = cxt;
    if (Object.keys(propertyDeps).length === 0)
        return;
    const missing = gen.let("missing");
    for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
            continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
            property: prop,
            depsCount: deps.length,
            deps: deps.join(", "),
        });
        if (it.allErrors) {
            gen.if(hasProperty, () => {
                for (const depProp of deps) {
                    (0, code_1.checkReportMissingProp)(cxt, depProp);
                }
            });
        }
        else {
            gen.if((0, codegen_1._) `${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
        }
    }
}
exports.validatePropertyDeps = validatePropertyDeps;
function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
    const { gen, data, keyword, it } = cxt;
    const valid = gen.name("valid");
    for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
            continue;
        gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties), () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
        }, () => gen.var(valid, true) // TODO var
        );
        cxt.ok(valid);
    }
}
exports.validateSchemaDeps = validateSchemaDeps;
exports["default"] = def;
//# sourceMappingURL=dependencies.js.map

/***/ }),

/***/ 8584:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params }) => (0, codegen_1.str) `must match "${params.ifClause}" schema`,
    params: ({ params }) => (0, codegen_1._) `{failingKeyword: ${params.ifClause}}`,
};
const def = {
    keyword: "if",
    schemaType: ["object", "boolean"],
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === undefined && parentSchema.else === undefined) {
            (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
            return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
            const ifClause = gen.let("ifClause");
            cxt.setParams({ ifClause });
            gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        }
        else if (hasThen) {
            gen.if(schValid, validateClause("then"));
        }
        else {
            gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
            const schCxt = cxt.subschema({
                keyword: "if",
                compositeRule: true,
                createErrors: false,
                allErrors: false,
            }, schValid);
            cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
            return () => {
                const schCxt = cxt.subschema({ keyword }, schValid);
                gen.assign(valid, schValid);
                cxt.mergeValidEvaluated(schCxt, valid);
                if (ifClause)
                    gen.assign(ifClause, (0, codegen_1._) `${keyword}`);
                else
                    cxt.setParams({ ifClause: keyword });
            };
        }
    },
};
function hasSchema(it, keyword) {
    const schema = it.schema[keyword];
    return schema !== undefined && !(0, util_1.alwaysValidSchema)(it, schema);
}
exports["default"] = def;
//# sourceMappingURL=if.js.map

/***/ }),

/***/ 8775:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const additionalItems_1 = __nccwpck_require__(3448);
const prefixItems_1 = __nccwpck_require__(6467);
const items_1 = __nccwpck_require__(5791);
const items2020_1 = __nccwpck_require__(2959);
const contains_1 = __nccwpck_require__(6182);
const dependencies_1 = __nccwpck_require__(5826);
const propertyNames_1 = __nccwpck_require__(1372);
const additionalProperties_1 = __nccwpck_require__(2431);
const properties_1 = __nccwpck_require__(8778);
const patternProperties_1 = __nccwpck_require__(664);
const not_1 = __nccwpck_require__(8350);
const anyOf_1 = __nccwpck_require__(9380);
const oneOf_1 = __nccwpck_require__(2490);
const allOf_1 = __nccwpck_require__(9205);
const if_1 = __nccwpck_require__(8584);
const thenElse_1 = __nccwpck_require__(6829);
function getApplicator(draft2020 = false) {
    const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default,
    ];
    // array
    if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
    else
        applicator.push(additionalItems_1.default, items_1.default);
    applicator.push(contains_1.default);
    return applicator;
}
exports["default"] = getApplicator;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5791:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateTuple = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const code_1 = __nccwpck_require__(8484);
const def = {
    keyword: "items",
    type: "array",
    schemaType: ["object", "array", "boolean"],
    before: "uniqueItems",
    code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
            return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        cxt.ok((0, code_1.validateArray)(cxt));
    },
};
function validateTuple(cxt, extraItems, schArr = cxt.schema) {
    const { gen, parentSchema, data, keyword, it } = cxt;
    checkStrictTuple(parentSchema);
    if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
    }
    const valid = gen.name("valid");
    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
    schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
        gen.if((0, codegen_1._) `${len} > ${i}`, () => cxt.subschema({
            keyword,
            schemaProp: i,
            dataProp: i,
        }, valid));
        cxt.ok(valid);
    });
    function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
            const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
            (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
    }
}
exports.validateTuple = validateTuple;
exports["default"] = def;
//# sourceMappingURL=items.js.map

/***/ }),

/***/ 2959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const code_1 = __nccwpck_require__(8484);
const additionalItems_1 = __nccwpck_require__(3448);
const error = {
    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
};
const def = {
    keyword: "items",
    type: "array",
    schemaType: ["object", "boolean"],
    before: "uniqueItems",
    error,
    code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        if (prefixItems)
            (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
            cxt.ok((0, code_1.validateArray)(cxt));
    },
};
exports["default"] = def;
//# sourceMappingURL=items2020.js.map

/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: "not",
    schemaType: ["object", "boolean"],
    trackErrors: true,
    code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
            cxt.fail();
            return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
            keyword: "not",
            compositeRule: true,
            createErrors: false,
            allErrors: false,
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
    },
    error: { message: "must NOT be valid" },
};
exports["default"] = def;
//# sourceMappingURL=not.js.map

/***/ }),

/***/ 2490:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: "must match exactly one schema in oneOf",
    params: ({ params }) => (0, codegen_1._) `{passingSchemas: ${params.passing}}`,
};
const def = {
    keyword: "oneOf",
    schemaType: "array",
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        /* istanbul ignore if */
        if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
            return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        // TODO possibly fail straight away (with warning or exception) if there are two empty always valid schemas
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
            schArr.forEach((sch, i) => {
                let schCxt;
                if ((0, util_1.alwaysValidSchema)(it, sch)) {
                    gen.var(schValid, true);
                }
                else {
                    schCxt = cxt.subschema({
                        keyword: "oneOf",
                        schemaProp: i,
                        compositeRule: true,
                    }, schValid);
                }
                if (i > 0) {
                    gen
                        .if((0, codegen_1._) `${schValid} && ${valid}`)
                        .assign(valid, false)
                        .assign(passing, (0, codegen_1._) `[${passing}, ${i}]`)
                        .else();
                }
                gen.if(schValid, () => {
                    gen.assign(valid, true);
                    gen.assign(passing, i);
                    if (schCxt)
                        cxt.mergeEvaluated(schCxt, codegen_1.Name);
                });
            });
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=oneOf.js.map

/***/ }),

/***/ 664:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const util_2 = __nccwpck_require__(4464);
const def = {
    keyword: "patternProperties",
    type: "object",
    schemaType: "object",
    code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 ||
            (alwaysValidPatterns.length === patterns.length &&
                (!it.opts.unevaluated || it.props === true))) {
            return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
            it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
            for (const pat of patterns) {
                if (checkProperties)
                    checkMatchingProperties(pat);
                if (it.allErrors) {
                    validateProperties(pat);
                }
                else {
                    gen.var(valid, true); // TODO var
                    validateProperties(pat);
                    gen.if(valid);
                }
            }
        }
        function checkMatchingProperties(pat) {
            for (const prop in checkProperties) {
                if (new RegExp(pat).test(prop)) {
                    (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
                }
            }
        }
        function validateProperties(pat) {
            gen.forIn("key", data, (key) => {
                gen.if((0, codegen_1._) `${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
                    const alwaysValid = alwaysValidPatterns.includes(pat);
                    if (!alwaysValid) {
                        cxt.subschema({
                            keyword: "patternProperties",
                            schemaProp: pat,
                            dataProp: key,
                            dataPropType: util_2.Type.Str,
                        }, valid);
                    }
                    if (it.opts.unevaluated && props !== true) {
                        gen.assign((0, codegen_1._) `${props}[${key}]`, true);
                    }
                    else if (!alwaysValid && !it.allErrors) {
                        // can short-circuit if `unevaluatedProperties` is not supported (opts.next === false)
                        // or if all properties were evaluated (props === true)
                        gen.if((0, codegen_1.not)(valid), () => gen.break());
                    }
                });
            });
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=patternProperties.js.map

/***/ }),

/***/ 6467:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const items_1 = __nccwpck_require__(5791);
const def = {
    keyword: "prefixItems",
    type: "array",
    schemaType: ["array"],
    before: "uniqueItems",
    code: (cxt) => (0, items_1.validateTuple)(cxt, "items"),
};
exports["default"] = def;
//# sourceMappingURL=prefixItems.js.map

/***/ }),

/***/ 8778:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const validate_1 = __nccwpck_require__(7881);
const code_1 = __nccwpck_require__(8484);
const util_1 = __nccwpck_require__(4464);
const additionalProperties_1 = __nccwpck_require__(2431);
const def = {
    keyword: "properties",
    type: "object",
    schemaType: "object",
    code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === undefined) {
            additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
            it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
            it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
            return;
        const valid = gen.name("valid");
        for (const prop of properties) {
            if (hasDefault(prop)) {
                applyPropertySchema(prop);
            }
            else {
                gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
                applyPropertySchema(prop);
                if (!it.allErrors)
                    gen.else().var(valid, true);
                gen.endIf();
            }
            cxt.it.definedProperties.add(prop);
            cxt.ok(valid);
        }
        function hasDefault(prop) {
            return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== undefined;
        }
        function applyPropertySchema(prop) {
            cxt.subschema({
                keyword: "properties",
                schemaProp: prop,
                dataProp: prop,
            }, valid);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=properties.js.map

/***/ }),

/***/ 1372:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: "property name must be valid",
    params: ({ params }) => (0, codegen_1._) `{propertyName: ${params.propertyName}}`,
};
const def = {
    keyword: "propertyNames",
    type: "object",
    schemaType: ["object", "boolean"],
    error,
    code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
            cxt.setParams({ propertyName: key });
            cxt.subschema({
                keyword: "propertyNames",
                data: key,
                dataTypes: ["string"],
                propertyName: key,
                compositeRule: true,
            }, valid);
            gen.if((0, codegen_1.not)(valid), () => {
                cxt.error(true);
                if (!it.allErrors)
                    gen.break();
            });
        });
        cxt.ok(valid);
    },
};
exports["default"] = def;
//# sourceMappingURL=propertyNames.js.map

/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: ["then", "else"],
    schemaType: ["object", "boolean"],
    code({ keyword, parentSchema, it }) {
        if (parentSchema.if === undefined)
            (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
    },
};
exports["default"] = def;
//# sourceMappingURL=thenElse.js.map

/***/ }),

/***/ 8484:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const names_1 = __nccwpck_require__(630);
const util_2 = __nccwpck_require__(4464);
function checkReportMissingProp(cxt, prop) {
    const { gen, data, it } = cxt;
    gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._) `${prop}` }, true);
        cxt.error();
    });
}
exports.checkReportMissingProp = checkReportMissingProp;
function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
    return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._) `${missing} = ${prop}`)));
}
exports.checkMissingProp = checkMissingProp;
function reportMissingProp(cxt, missing) {
    cxt.setParams({ missingProperty: missing }, true);
    cxt.error();
}
exports.reportMissingProp = reportMissingProp;
function hasPropFunc(gen) {
    return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._) `Object.prototype.hasOwnProperty`,
    });
}
exports.hasPropFunc = hasPropFunc;
function isOwnProperty(gen, data, property) {
    return (0, codegen_1._) `${hasPropFunc(gen)}.call(${data}, ${property})`;
}
exports.isOwnProperty = isOwnProperty;
function propertyInData(gen, data, property, ownProperties) {
    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
    return ownProperties ? (0, codegen_1._) `${cond} && ${isOwnProperty(gen, data, property)}` : cond;
}
exports.propertyInData = propertyInData;
function noPropertyInData(gen, data, property, ownProperties) {
    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} === undefined`;
    return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
}
exports.noPropertyInData = noPropertyInData;
function allSchemaProperties(schemaMap) {
    return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
}
exports.allSchemaProperties = allSchemaProperties;
function schemaProperties(it, schemaMap) {
    return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
}
exports.schemaProperties = schemaProperties;
function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
    const dataAndSchema = passSchema ? (0, codegen_1._) `${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
    const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData],
    ];
    if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
    const args = (0, codegen_1._) `${dataAndSchema}, ${gen.object(...valCxt)}`;
    return context !== codegen_1.nil ? (0, codegen_1._) `${func}.call(${context}, ${args})` : (0, codegen_1._) `${func}(${args})`;
}
exports.callValidateCode = callValidateCode;
const newRegExp = (0, codegen_1._) `new RegExp`;
function usePattern({ gen, it: { opts } }, pattern) {
    const u = opts.unicodeRegExp ? "u" : "";
    const { regExp } = opts.code;
    const rx = regExp(pattern, u);
    return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._) `${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`,
    });
}
exports.usePattern = usePattern;
function validateArray(cxt) {
    const { gen, data, keyword, it } = cxt;
    const valid = gen.name("valid");
    if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
    }
    gen.var(valid, true);
    validateItems(() => gen.break());
    return valid;
    function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
        gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
                keyword,
                dataProp: i,
                dataPropType: util_1.Type.Num,
            }, valid);
            gen.if((0, codegen_1.not)(valid), notValid);
        });
    }
}
exports.validateArray = validateArray;
function validateUnion(cxt) {
    const { gen, schema, keyword, it } = cxt;
    /* istanbul ignore if */
    if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
    const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
    if (alwaysValid && !it.opts.unevaluated)
        return;
    const valid = gen.let("valid", false);
    const schValid = gen.name("_valid");
    gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
            keyword,
            schemaProp: i,
            compositeRule: true,
        }, schValid);
        gen.assign(valid, (0, codegen_1._) `${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        // can short-circuit if `unevaluatedProperties/Items` not supported (opts.unevaluated !== true)
        // or if all properties and items were evaluated (it.props === true && it.items === true)
        if (!merged)
            gen.if((0, codegen_1.not)(valid));
    }));
    cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
}
exports.validateUnion = validateUnion;
//# sourceMappingURL=code.js.map

/***/ }),

/***/ 9872:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const def = {
    keyword: "id",
    code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
    },
};
exports["default"] = def;
//# sourceMappingURL=id.js.map

/***/ }),

/***/ 7397:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const id_1 = __nccwpck_require__(9872);
const ref_1 = __nccwpck_require__(2996);
const core = [
    "$schema",
    "$id",
    "$defs",
    "$vocabulary",
    { keyword: "$comment" },
    "definitions",
    id_1.default,
    ref_1.default,
];
exports["default"] = core;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 2996:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.callRef = exports.getValidate = void 0;
const ref_error_1 = __nccwpck_require__(3162);
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const compile_1 = __nccwpck_require__(2718);
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: "$ref",
    schemaType: "string",
    code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
            return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === undefined)
            throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
            return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
            if (env === root)
                return callRef(cxt, validateName, env, env.$async);
            const rootName = gen.scopeValue("root", { ref: root });
            return callRef(cxt, (0, codegen_1._) `${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
            const v = getValidate(cxt, sch);
            callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
            const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
            const valid = gen.name("valid");
            const schCxt = cxt.subschema({
                schema: sch,
                dataTypes: [],
                schemaPath: codegen_1.nil,
                topSchemaRef: schName,
                errSchemaPath: $ref,
            }, valid);
            cxt.mergeEvaluated(schCxt);
            cxt.ok(valid);
        }
    },
};
function getValidate(cxt, sch) {
    const { gen } = cxt;
    return sch.validate
        ? gen.scopeValue("validate", { ref: sch.validate })
        : (0, codegen_1._) `${gen.scopeValue("wrapper", { ref: sch })}.validate`;
}
exports.getValidate = getValidate;
function callRef(cxt, v, sch, $async) {
    const { gen, it } = cxt;
    const { allErrors, schemaEnv: env, opts } = it;
    const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
    if ($async)
        callAsyncRef();
    else
        callSyncRef();
    function callAsyncRef() {
        if (!env.$async)
            throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
            gen.code((0, codegen_1._) `await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
            addEvaluatedFrom(v); // TODO will not work with async, it has to be returned with the result
            if (!allErrors)
                gen.assign(valid, true);
        }, (e) => {
            gen.if((0, codegen_1._) `!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
            addErrorsFrom(e);
            if (!allErrors)
                gen.assign(valid, false);
        });
        cxt.ok(valid);
    }
    function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
    }
    function addErrorsFrom(source) {
        const errs = (0, codegen_1._) `${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`); // TODO tagged
        gen.assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
    }
    function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
            return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        // TODO refactor
        if (it.props !== true) {
            if (schEvaluated && !schEvaluated.dynamicProps) {
                if (schEvaluated.props !== undefined) {
                    it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
                }
            }
            else {
                const props = gen.var("props", (0, codegen_1._) `${source}.evaluated.props`);
                it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
            }
        }
        if (it.items !== true) {
            if (schEvaluated && !schEvaluated.dynamicItems) {
                if (schEvaluated.items !== undefined) {
                    it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
                }
            }
            else {
                const items = gen.var("items", (0, codegen_1._) `${source}.evaluated.items`);
                it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
            }
        }
    }
}
exports.callRef = callRef;
exports["default"] = def;
//# sourceMappingURL=ref.js.map

/***/ }),

/***/ 8886:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const types_1 = __nccwpck_require__(7115);
const compile_1 = __nccwpck_require__(2718);
const ref_error_1 = __nccwpck_require__(3162);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag
        ? `tag "${tagName}" must be string`
        : `value of tag "${tagName}" must be in oneOf`,
    params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._) `{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`,
};
const def = {
    keyword: "discriminator",
    type: "object",
    schemaType: "object",
    error,
    code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
            throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
            throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
            throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
            throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._) `typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
            const mapping = getMapping();
            gen.if(false);
            for (const tagValue in mapping) {
                gen.elseIf((0, codegen_1._) `${tag} === ${tagValue}`);
                gen.assign(valid, applyTagSchema(mapping[tagValue]));
            }
            gen.else();
            cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
            gen.endIf();
        }
        function applyTagSchema(schemaProp) {
            const _valid = gen.name("valid");
            const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
            cxt.mergeEvaluated(schCxt, codegen_1.Name);
            return _valid;
        }
        function getMapping() {
            var _a;
            const oneOfMapping = {};
            const topRequired = hasRequired(parentSchema);
            let tagRequired = true;
            for (let i = 0; i < oneOf.length; i++) {
                let sch = oneOf[i];
                if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
                    const ref = sch.$ref;
                    sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
                    if (sch instanceof compile_1.SchemaEnv)
                        sch = sch.schema;
                    if (sch === undefined)
                        throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
                }
                const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
                if (typeof propSch != "object") {
                    throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
                }
                tagRequired = tagRequired && (topRequired || hasRequired(sch));
                addMappings(propSch, i);
            }
            if (!tagRequired)
                throw new Error(`discriminator: "${tagName}" must be required`);
            return oneOfMapping;
            function hasRequired({ required }) {
                return Array.isArray(required) && required.includes(tagName);
            }
            function addMappings(sch, i) {
                if (sch.const) {
                    addMapping(sch.const, i);
                }
                else if (sch.enum) {
                    for (const tagValue of sch.enum) {
                        addMapping(tagValue, i);
                    }
                }
                else {
                    throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
                }
            }
            function addMapping(tagValue, i) {
                if (typeof tagValue != "string" || tagValue in oneOfMapping) {
                    throw new Error(`discriminator: "${tagName}" values must be unique strings`);
                }
                oneOfMapping[tagValue] = i;
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 7115:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiscrError = void 0;
var DiscrError;
(function (DiscrError) {
    DiscrError["Tag"] = "tag";
    DiscrError["Mapping"] = "mapping";
})(DiscrError || (exports.DiscrError = DiscrError = {}));
//# sourceMappingURL=types.js.map

/***/ }),

/***/ 9941:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const core_1 = __nccwpck_require__(7397);
const validation_1 = __nccwpck_require__(5481);
const applicator_1 = __nccwpck_require__(8775);
const format_1 = __nccwpck_require__(2601);
const metadata_1 = __nccwpck_require__(6620);
const draft7Vocabularies = [
    core_1.default,
    validation_1.default,
    (0, applicator_1.default)(),
    format_1.default,
    metadata_1.metadataVocabulary,
    metadata_1.contentVocabulary,
];
exports["default"] = draft7Vocabularies;
//# sourceMappingURL=draft7.js.map

/***/ }),

/***/ 6402:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must match format "${schemaCode}"`,
    params: ({ schemaCode }) => (0, codegen_1._) `{format: ${schemaCode}}`,
};
const def = {
    keyword: "format",
    type: ["number", "string"],
    schemaType: "string",
    $data: true,
    error,
    code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
            return;
        if ($data)
            validate$DataFormat();
        else
            validateFormat();
        function validate$DataFormat() {
            const fmts = gen.scopeValue("formats", {
                ref: self.formats,
                code: opts.code.formats,
            });
            const fDef = gen.const("fDef", (0, codegen_1._) `${fmts}[${schemaCode}]`);
            const fType = gen.let("fType");
            const format = gen.let("format");
            // TODO simplify
            gen.if((0, codegen_1._) `typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._) `${fDef}.type || "string"`).assign(format, (0, codegen_1._) `${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._) `"string"`).assign(format, fDef));
            cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
            function unknownFmt() {
                if (opts.strictSchema === false)
                    return codegen_1.nil;
                return (0, codegen_1._) `${schemaCode} && !${format}`;
            }
            function invalidFmt() {
                const callFormat = schemaEnv.$async
                    ? (0, codegen_1._) `(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))`
                    : (0, codegen_1._) `${format}(${data})`;
                const validData = (0, codegen_1._) `(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
                return (0, codegen_1._) `${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
            }
        }
        function validateFormat() {
            const formatDef = self.formats[schema];
            if (!formatDef) {
                unknownFormat();
                return;
            }
            if (formatDef === true)
                return;
            const [fmtType, format, fmtRef] = getFormat(formatDef);
            if (fmtType === ruleType)
                cxt.pass(validCondition());
            function unknownFormat() {
                if (opts.strictSchema === false) {
                    self.logger.warn(unknownMsg());
                    return;
                }
                throw new Error(unknownMsg());
                function unknownMsg() {
                    return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
                }
            }
            function getFormat(fmtDef) {
                const code = fmtDef instanceof RegExp
                    ? (0, codegen_1.regexpCode)(fmtDef)
                    : opts.code.formats
                        ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(schema)}`
                        : undefined;
                const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
                if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
                    return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._) `${fmt}.validate`];
                }
                return ["string", fmtDef, fmt];
            }
            function validCondition() {
                if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
                    if (!schemaEnv.$async)
                        throw new Error("async format in sync schema");
                    return (0, codegen_1._) `await ${fmtRef}(${data})`;
                }
                return typeof format == "function" ? (0, codegen_1._) `${fmtRef}(${data})` : (0, codegen_1._) `${fmtRef}.test(${data})`;
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=format.js.map

/***/ }),

/***/ 2601:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const format_1 = __nccwpck_require__(6402);
const format = [format_1.default];
exports["default"] = format;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 6620:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.contentVocabulary = exports.metadataVocabulary = void 0;
exports.metadataVocabulary = [
    "title",
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "examples",
];
exports.contentVocabulary = [
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
];
//# sourceMappingURL=metadata.js.map

/***/ }),

/***/ 8026:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const equal_1 = __nccwpck_require__(4951);
const error = {
    message: "must be equal to constant",
    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValue: ${schemaCode}}`,
};
const def = {
    keyword: "const",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || (schema && typeof schema == "object")) {
            cxt.fail$data((0, codegen_1._) `!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        }
        else {
            cxt.fail((0, codegen_1._) `${schema} !== ${data}`);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=const.js.map

/***/ }),

/***/ 3200:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const equal_1 = __nccwpck_require__(4951);
const error = {
    message: "must be equal to one of the allowed values",
    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValues: ${schemaCode}}`,
};
const def = {
    keyword: "enum",
    schemaType: "array",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
            throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => (eql !== null && eql !== void 0 ? eql : (eql = (0, util_1.useFunc)(gen, equal_1.default)));
        let valid;
        if (useLoop || $data) {
            valid = gen.let("valid");
            cxt.block$data(valid, loopEnum);
        }
        else {
            /* istanbul ignore if */
            if (!Array.isArray(schema))
                throw new Error("ajv implementation error");
            const vSchema = gen.const("vSchema", schemaCode);
            valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
            gen.assign(valid, false);
            gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._) `${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
            const sch = schema[i];
            return typeof sch === "object" && sch !== null
                ? (0, codegen_1._) `${getEql()}(${data}, ${vSchema}[${i}])`
                : (0, codegen_1._) `${data} === ${sch}`;
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=enum.js.map

/***/ }),

/***/ 5481:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const limitNumber_1 = __nccwpck_require__(3723);
const multipleOf_1 = __nccwpck_require__(8132);
const limitLength_1 = __nccwpck_require__(6962);
const pattern_1 = __nccwpck_require__(6023);
const limitProperties_1 = __nccwpck_require__(895);
const required_1 = __nccwpck_require__(4504);
const limitItems_1 = __nccwpck_require__(6296);
const uniqueItems_1 = __nccwpck_require__(5132);
const const_1 = __nccwpck_require__(8026);
const enum_1 = __nccwpck_require__(3200);
const validation = [
    // number
    limitNumber_1.default,
    multipleOf_1.default,
    // string
    limitLength_1.default,
    pattern_1.default,
    // object
    limitProperties_1.default,
    required_1.default,
    // array
    limitItems_1.default,
    uniqueItems_1.default,
    // any
    { keyword: "type", schemaType: ["string", "array"] },
    { keyword: "nullable", schemaType: "boolean" },
    const_1.default,
    enum_1.default,
];
exports["default"] = validation;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 6296:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} items`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxItems", "minItems"],
    type: "array",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._) `${data}.length ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitItems.js.map

/***/ }),

/***/ 6962:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const ucs2length_1 = __nccwpck_require__(6214);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} characters`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxLength", "minLength"],
    type: "string",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._) `${data}.length` : (0, codegen_1._) `${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._) `${len} ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitLength.js.map

/***/ }),

/***/ 3723:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const ops = codegen_1.operators;
const KWDs = {
    maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
    minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
    exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
    exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
};
const error = {
    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `must be ${KWDs[keyword].okStr} ${schemaCode}`,
    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
};
const def = {
    keyword: Object.keys(KWDs),
    type: "number",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._) `${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitNumber.js.map

/***/ }),

/***/ 895:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} properties`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxProperties", "minProperties"],
    type: "object",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._) `Object.keys(${data}).length ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitProperties.js.map

/***/ }),

/***/ 8132:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => (0, codegen_1._) `{multipleOf: ${schemaCode}}`,
};
const def = {
    keyword: "multipleOf",
    type: "number",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        // const bdt = bad$DataType(schemaCode, <string>def.schemaType, $data)
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec
            ? (0, codegen_1._) `Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}`
            : (0, codegen_1._) `${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._) `(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
    },
};
exports["default"] = def;
//# sourceMappingURL=multipleOf.js.map

/***/ }),

/***/ 6023:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const util_1 = __nccwpck_require__(4464);
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must match pattern "${schemaCode}"`,
    params: ({ schemaCode }) => (0, codegen_1._) `{pattern: ${schemaCode}}`,
};
const def = {
    keyword: "pattern",
    type: "string",
    schemaType: "string",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
            const { regExp } = it.opts.code;
            const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._) `new RegExp` : (0, util_1.useFunc)(gen, regExp);
            const valid = gen.let("valid");
            gen.try(() => gen.assign(valid, (0, codegen_1._) `${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
            cxt.fail$data((0, codegen_1._) `!${valid}`);
        }
        else {
            const regExp = (0, code_1.usePattern)(cxt, schema);
            cxt.fail$data((0, codegen_1._) `!${regExp}.test(${data})`);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=pattern.js.map

/***/ }),

/***/ 4504:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { missingProperty } }) => (0, codegen_1.str) `must have required property '${missingProperty}'`,
    params: ({ params: { missingProperty } }) => (0, codegen_1._) `{missingProperty: ${missingProperty}}`,
};
const def = {
    keyword: "required",
    type: "object",
    schemaType: "array",
    $data: true,
    error,
    code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
            return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
            allErrorsMode();
        else
            exitOnErrorMode();
        if (opts.strictRequired) {
            const props = cxt.parentSchema.properties;
            const { definedProperties } = cxt.it;
            for (const requiredKey of schema) {
                if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === undefined && !definedProperties.has(requiredKey)) {
                    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
                    const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
                    (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
                }
            }
        }
        function allErrorsMode() {
            if (useLoop || $data) {
                cxt.block$data(codegen_1.nil, loopAllRequired);
            }
            else {
                for (const prop of schema) {
                    (0, code_1.checkReportMissingProp)(cxt, prop);
                }
            }
        }
        function exitOnErrorMode() {
            const missing = gen.let("missing");
            if (useLoop || $data) {
                const valid = gen.let("valid", true);
                cxt.block$data(valid, () => loopUntilMissing(missing, valid));
                cxt.ok(valid);
            }
            else {
                gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
                (0, code_1.reportMissingProp)(cxt, missing);
                gen.else();
            }
        }
        function loopAllRequired() {
            gen.forOf("prop", schemaCode, (prop) => {
                cxt.setParams({ missingProperty: prop });
                gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
            });
        }
        function loopUntilMissing(missing, valid) {
            cxt.setParams({ missingProperty: missing });
            gen.forOf(missing, schemaCode, () => {
                gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
                gen.if((0, codegen_1.not)(valid), () => {
                    cxt.error();
                    gen.break();
                });
            }, codegen_1.nil);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=required.js.map

/***/ }),

/***/ 5132:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const dataType_1 = __nccwpck_require__(6685);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const equal_1 = __nccwpck_require__(4951);
const error = {
    message: ({ params: { i, j } }) => (0, codegen_1.str) `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
    params: ({ params: { i, j } }) => (0, codegen_1._) `{i: ${i}, j: ${j}}`,
};
const def = {
    keyword: "uniqueItems",
    type: "array",
    schemaType: "boolean",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
            return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._) `${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
            const i = gen.let("i", (0, codegen_1._) `${data}.length`);
            const j = gen.let("j");
            cxt.setParams({ i, j });
            gen.assign(valid, true);
            gen.if((0, codegen_1._) `${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
            return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
            const item = gen.name("item");
            const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
            const indices = gen.const("indices", (0, codegen_1._) `{}`);
            gen.for((0, codegen_1._) `;${i}--;`, () => {
                gen.let(item, (0, codegen_1._) `${data}[${i}]`);
                gen.if(wrongType, (0, codegen_1._) `continue`);
                if (itemTypes.length > 1)
                    gen.if((0, codegen_1._) `typeof ${item} == "string"`, (0, codegen_1._) `${item} += "_"`);
                gen
                    .if((0, codegen_1._) `typeof ${indices}[${item}] == "number"`, () => {
                    gen.assign(j, (0, codegen_1._) `${indices}[${item}]`);
                    cxt.error();
                    gen.assign(valid, false).break();
                })
                    .code((0, codegen_1._) `${indices}[${item}] = ${i}`);
            });
        }
        function loopN2(i, j) {
            const eql = (0, util_1.useFunc)(gen, equal_1.default);
            const outer = gen.name("outer");
            gen.label(outer).for((0, codegen_1._) `;${i}--;`, () => gen.for((0, codegen_1._) `${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._) `${eql}(${data}[${i}], ${data}[${j}])`, () => {
                cxt.error();
                gen.assign(valid, false).break(outer);
            })));
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=uniqueItems.js.map

/***/ }),

/***/ 3430:
/***/ ((module) => {



// do not edit .js files directly - edit src/index.jst



module.exports = function equal(a, b) {
  if (a === b) return true;

  if (a && b && typeof a == 'object' && typeof b == 'object') {
    if (a.constructor !== b.constructor) return false;

    var length, i, keys;
    if (Array.isArray(a)) {
      length = a.length;
      if (length != b.length) return false;
      for (i = length; i-- !== 0;)
        if (!equal(a[i], b[i])) return false;
      return true;
    }



    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();

    keys = Object.keys(a);
    length = keys.length;
    if (length !== Object.keys(b).length) return false;

    for (i = length; i-- !== 0;)
      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;

    for (i = length; i-- !== 0;) {
      var key = keys[i];

      if (!equal(a[key], b[key])) return false;
    }

    return true;
  }

  // true if both NaN, false otherwise
  return a!==a && b!==b;
};


/***/ }),

/***/ 1167:
/***/ ((module) => {



var traverse = module.exports = function (schema, opts, cb) {
  // Legacy support for v0.3.1 and earlier.
  if (typeof opts == 'function') {
    cb = opts;
    opts = {};
  }

  cb = opts.cb || cb;
  var pre = (typeof cb == 'function') ? cb : cb.pre || function() {};
  var post = cb.post || function() {};

  _traverse(opts, pre, post, schema, '', schema);
};


traverse.keywords = {
  additionalItems: true,
  items: true,
  contains: true,
  additionalProperties: true,
  propertyNames: true,
  not: true,
  if: true,
  then: true,
  else: true
};

traverse.arrayKeywords = {
  items: true,
  allOf: true,
  anyOf: true,
  oneOf: true
};

traverse.propsKeywords = {
  $defs: true,
  definitions: true,
  properties: true,
  patternProperties: true,
  dependencies: true
};

traverse.skipKeywords = {
  default: true,
  enum: true,
  const: true,
  required: true,
  maximum: true,
  minimum: true,
  exclusiveMaximum: true,
  exclusiveMinimum: true,
  multipleOf: true,
  maxLength: true,
  minLength: true,
  pattern: true,
  format: true,
  maxItems: true,
  minItems: true,
  uniqueItems: true,
  maxProperties: true,
  minProperties: true
};


function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
  if (schema && typeof schema == 'object' && !Array.isArray(schema)) {
    pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
    for (var key in schema) {
      var sch = schema[key];
      if (Array.isArray(sch)) {
        if (key in traverse.arrayKeywords) {
          for (var i=0; i<sch.length; i++)
            _traverse(opts, pre, post, sch[i], jsonPtr + '/' + key + '/' + i, rootSchema, jsonPtr, key, schema, i);
        }
      } else if (key in traverse.propsKeywords) {
        if (sch && typeof sch == 'object') {
          for (var prop in sch)
            _traverse(opts, pre, post, sch[prop], jsonPtr + '/' + key + '/' + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
        }
      } else if (key in traverse.keywords || (opts.allKeys && !(key in traverse.skipKeywords))) {
        _traverse(opts, pre, post, sch, jsonPtr + '/' + key, rootSchema, jsonPtr, key, schema);
      }
    }
    post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
  }
}


function escapeJsonPtr(str) {
  return str.replace(/~/g, '~0').replace(/\//g, '~1');
}


/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 4352:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = __nccwpck_require__(5077)
const { SCHEMES, getSchemeHandler } = __nccwpck_require__(5300)

const VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u
const MALFORMED_SCHEME_ERROR = 'URI scheme is malformed.'
const MALFORMED_HOST_ERROR = 'URI host is malformed.'
// ASCII characters outside the RFC 3986 reg-name set (unreserved, sub-delims
// and "%" for pct-encoded): C0 controls, space, DEL, and "#/:<>?@[\]^`{|}.
const FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u

/**
 * RFC 3986 section 3.1 does not allow percent-encoding in a scheme, so the
 * scheme is validated as-is and never decoded. Decoding would let inert input
 * such as `%6Aavascript:` become a live `javascript:` scheme.
 *
 * @param {string} scheme
 * @returns {string}
 */
function validateScheme (scheme) {
  const stringScheme = String(scheme)
  if (!VALID_SCHEME.test(stringScheme)) {
    throw new TypeError(MALFORMED_SCHEME_ERROR)
  }
  return stringScheme
}

/**
 * @template {import('./types/index').URIComponent|string} T
 * @param {T} uri
 * @param {import('./types/index').Options} [options]
 * @returns {T}
 */
function normalize (uri, options) {
  if (typeof uri === 'string') {
    uri = /** @type {T} */ (normalizeString(uri, options))
  } else if (typeof uri === 'object') {
    uri = /** @type {T} */ (parse(serialize(uri, options), options))
  }
  return uri
}

/**
 * @param {string} baseURI
 * @param {string} relativeURI
 * @param {import('./types/index').Options} [options]
 * @returns {string}
 */
function resolve (baseURI, relativeURI, options) {
  const schemelessOptions = options ? Object.assign({ scheme: 'null' }, options) : { scheme: 'null' }
  const {
    parsed: baseParsed,
    malformedAuthorityOrPort: baseMalformed,
    malformedPercentEncoding: baseMalformedPercentEncoding,
    malformedSchemeSpecific: baseMalformedSchemeSpecific,
    malformedHost: baseMalformedHost,
    malformedScheme: baseMalformedScheme
  } = parseWithStatus(baseURI, schemelessOptions)
  const {
    parsed: relativeParsed,
    malformedAuthorityOrPort: relativeMalformed,
    malformedPercentEncoding: relativeMalformedPercentEncoding,
    malformedSchemeSpecific: relativeMalformedSchemeSpecific,
    malformedHost: relativeMalformedHost,
    malformedScheme: relativeMalformedScheme
  } = parseWithStatus(relativeURI, schemelessOptions)
  if (
    baseMalformed ||
    relativeMalformed ||
    baseMalformedPercentEncoding ||
    relativeMalformedPercentEncoding ||
    baseMalformedSchemeSpecific ||
    relativeMalformedSchemeSpecific ||
    baseMalformedHost ||
    relativeMalformedHost ||
    baseMalformedScheme ||
    relativeMalformedScheme
  ) {
    throw new Error(baseParsed.error || relativeParsed.error || 'URI is malformed.')
  }
  const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true)
  const resolvedSchemeHandler = getSchemeHandler((options && options.scheme) || resolved.scheme)
  const resolvedHost = resolved.host
  const resolvedHostIsIP = resolvedHost !== undefined && resolvedHost !== '' &&
    (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6)
  // Inputs are parsed scheme-neutrally, so delimiters and controls in a domain
  // host are only detected here, once the final scheme is known. They always
  // fail closed, including in percent-encoded hosts.
  if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
    throw new Error(MALFORMED_HOST_ERROR)
  }
  canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)
  // Percent escapes in an ASCII reg-name are encoded data. The WHATWG hostname
  // parser can reject them even though fast-uri preserves them safely as RFC
  // 3986 data. A raw non-ASCII host must still fail closed if conversion fails.
  const encodedASCIIHost = resolvedHost && resolvedHost.indexOf('%') !== -1 &&
    !/\P{ASCII}/u.test(resolvedHost)
  if (resolved.error && !encodedASCIIHost) {
    throw new Error(resolved.error)
  }
  schemelessOptions.skipEscape = true
  return serialize(resolved, schemelessOptions)
}

/**
 * @param {import ('./types/index').URIComponent} base
 * @param {import ('./types/index').URIComponent} relative
 * @param {import('./types/index').Options} [options]
 * @param {boolean} [skipNormalization=false]
 * @returns {import ('./types/index').URIComponent}
 */
function resolveComponent (base, relative, options, skipNormalization) {
  /** @type {import('./types/index').URIComponent} */
  const target = {}
  if (!skipNormalization) {
    base = parse(serialize(base, options), options) // normalize base component
    relative = parse(serialize(relative, options), options) // normalize relative component
  }
  options = options || {}

  if (!options.tolerant && relative.scheme) {
    target.scheme = relative.scheme
    // target.authority = relative.authority;
    target.userinfo = relative.userinfo
    target.host = relative.host
    target.port = relative.port
    target.path = removeDotSegments(relative.path || '')
    target.query = relative.query
  } else {
    if (relative.userinfo !== undefined || relative.host !== undefined || relative.port !== undefined) {
      // target.authority = relative.authority;
      target.userinfo = relative.userinfo
      target.host = relative.host
      target.port = relative.port
      target.path = removeDotSegments(relative.path || '')
      target.query = relative.query
    } else {
      if (!relative.path) {
        target.path = base.path
        if (relative.query !== undefined) {
          target.query = relative.query
        } else {
          target.query = base.query
        }
      } else {
        if (relative.path[0] === '/') {
          target.path = removeDotSegments(relative.path)
        } else {
          const baseHasAuthority = base.userinfo !== undefined || base.host !== undefined || base.port !== undefined
          if (baseHasAuthority && !base.path) {
            target.path = '/' + relative.path
          } else if (!base.path) {
            target.path = relative.path
          } else {
            target.path = base.path.slice(0, base.path.lastIndexOf('/') + 1) + relative.path
          }
          target.path = base.scheme === undefined && !baseHasAuthority && target.path[0] !== '/'
            ? removeDotSegmentsRelative(target.path)
            : removeDotSegments(target.path)
        }
        target.query = relative.query
      }
      // target.authority = base.authority;
      target.userinfo = base.userinfo
      target.host = base.host
      target.port = base.port
    }
    target.scheme = base.scheme
  }

  target.fragment = relative.fragment

  return target
}

/**
 * @param {import ('./types/index').URIComponent|string} uriA
 * @param {import ('./types/index').URIComponent|string} uriB
 * @param {import ('./types/index').Options} options
 * @returns {boolean}
 */
function equal (uriA, uriB, options) {
  const normalizedA = normalizeComparableURI(uriA, options)
  const normalizedB = normalizeComparableURI(uriB, options)

  return normalizedA !== undefined && normalizedB !== undefined && normalizedA === normalizedB
}

/**
 * @param {Readonly<import('./types/index').URIComponent>} cmpts
 * @param {import('./types/index').Options} [opts]
 * @returns {string}
 */
function serialize (cmpts, opts) {
  const component = {
    host: cmpts.host,
    scheme: cmpts.scheme,
    userinfo: cmpts.userinfo,
    port: cmpts.port,
    path: cmpts.path,
    query: cmpts.query,
    nid: cmpts.nid,
    nss: cmpts.nss,
    uuid: cmpts.uuid,
    fragment: cmpts.fragment,
    reference: cmpts.reference,
    resourceName: cmpts.resourceName,
    secure: cmpts.secure,
    error: ''
  }
  const options = Object.assign({}, opts)
  const uriTokens = []

  if (component.scheme) {
    component.scheme = validateScheme(component.scheme)
  }

  // find scheme handler
  const schemeHandler = getSchemeHandler(options.scheme || component.scheme)

  // perform scheme specific serialization
  if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options)

  const hasAuthority = component.userinfo !== undefined || component.host !== undefined || component.port !== undefined
  // A reference with no emitted scheme is path-noscheme: a bare ':' in its
  // first path segment would reparse as a scheme (RFC 3986 3.3/4.2). Enforced
  // under skipEscape too (resolve()), so the reapply below gates on this flag.
  const schemelessReference = (component.scheme === undefined || options.reference === 'suffix') && !hasAuthority
  const pathNoScheme = !options.skipEscape && schemelessReference

  if (component.path !== undefined) {
    if (!options.skipEscape) {
      component.path = serializePathEncoding(component.path, pathNoScheme)
    } else {
      component.path = normalizePercentEncoding(component.path)
    }
  }

  if (options.reference !== 'suffix' && component.scheme) {
    // Scheme handlers may replace the scheme during serialization.
    component.scheme = validateScheme(component.scheme)
    uriTokens.push(component.scheme, ':')
  }

  const authority = recomposeAuthority(component)
  if (authority !== undefined) {
    if (options.reference !== 'suffix') {
      uriTokens.push('//')
    }

    uriTokens.push(authority)

    if (component.path && component.path[0] !== '/') {
      uriTokens.push('/')
    }
  }
  if (component.path !== undefined) {
    let s = component.path

    if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
      // A relative-path reference keeps its unresolvable leading ".." segments
      // and must never become root-relative (RFC 3986 section 5.2.4 applies to
      // merged target paths, not to the reference itself).
      s = schemelessReference && s[0] !== '/'
        ? removeDotSegmentsRelative(s)
        : removeDotSegments(s)
    }

    // Dot-segment removal can expose a colon that was not originally in the
    // first segment (for example, "./a:b"). Reapply path-noscheme encoding so
    // the serialized relative reference cannot be reparsed as a URI scheme.
    if (schemelessReference) {
      s = serializePathEncoding(s, true)
    }

    if (
      authority === undefined &&
      s[0] === '/' &&
      s[1] === '/'
    ) {
      // don't allow the path to start with "//"
      s = '/%2F' + s.slice(2)
    }

    uriTokens.push(s)
  }

  if (component.query !== undefined) {
    uriTokens.push('?', encodeQuery(component.query))
  }

  if (component.fragment !== undefined) {
    uriTokens.push('#', encodeFragment(component.fragment))
  }
  return uriTokens.join('')
}

const URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u

// Captures the authority component (between "//" and the next "/", "?" or "#"),
// with or without a scheme prefix, for the literal-backslash rejection below.
const AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/

// Captures the leading authority-introducer region after an optional scheme: a
// run of forward slashes, backslashes, and the characters the WHATWG URL parser
// removes before parsing (TAB U+0009, LF U+000A, CR U+000D). A valid introducer
// is exactly "//". Node treats "\" as "/" on special schemes and strips those
// characters first, so forms like "\\", "/\", "\/", "/<TAB>/", or a leading
// "<TAB>//" reach an authority in Node while fast-uri's URI_PARSE folds them into
// the path group (host confusion / SSRF / redirect bypass).
const AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/

/**
 * @param {import('./types/index').URIComponent} parsed
 * @param {RegExpMatchArray} matches
 * @returns {string|undefined}
 */
function getParseError (parsed, matches) {
  if (matches[2] !== undefined && parsed.path && parsed.path[0] !== '/') {
    return 'URI path must start with "/" when authority is present.'
  }

  if (typeof parsed.port === 'number' && (parsed.port < 0 || parsed.port > 65535)) {
    return 'URI port is malformed.'
  }

  return undefined
}

/**
 * Checks percent syntax without decoding the represented octets. RFC 3986
 * percent-encoding is byte-oriented, so sequences such as `%FF` are valid even
 * though they are not independently valid UTF-8.
 *
 * @param {string|undefined} component
 * @returns {boolean}
 */
function hasMalformedPercentEncoding (component) {
  if (component === undefined) return false

  let percent = component.indexOf('%')
  while (percent !== -1) {
    if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
      return true
    }
    percent = component.indexOf('%', percent + 3)
  }

  return false
}

/**
 * Whether the host is a bracketed IP literal (RFC 3986 `IP-literal`).
 * An unterminated `[` is not a literal, so it must still be validated as a
 * reg-name instead of being waved through as an IP.
 *
 * @param {string} host
 * @returns {boolean}
 */
function isIPLiteral (host) {
  return host[0] === '[' && host[host.length - 1] === ']'
}

/**
 * @param {RegExpMatchArray} matches
 * @returns {boolean}
 */
function hasMalformedComponentPercentEncoding (matches) {
  // Bracketed IP literals use a raw "%" as the zone separator for historical
  // compatibility. Their parsing is intentionally left to normalizeIPv6.
  const host = matches[4]
  return hasMalformedPercentEncoding(matches[3]) ||
    (host !== undefined && !isIPLiteral(host) && hasMalformedPercentEncoding(host)) ||
    hasMalformedPercentEncoding(matches[6]) ||
    hasMalformedPercentEncoding(matches[7]) ||
    hasMalformedPercentEncoding(matches[8])
}

/**
 * @param {import('./types/index').URIComponent} parsed
 * @param {import('./types/index').Options} options
 * @param {{ domainHost?: boolean, unicodeSupport?: boolean }|undefined} schemeHandler
 * @param {boolean} isIP
 * @returns {boolean} whether host conversion failed
 */
function canonicalizeHost (parsed, options, schemeHandler, isIP) {
  if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
    parsed.error = parsed.error || MALFORMED_HOST_ERROR
    return true
  }

  if (
    !options.unicodeSupport &&
    (!schemeHandler || !schemeHandler.unicodeSupport) &&
    parsed.host &&
    !isIPLiteral(parsed.host) &&
    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
    isIP === false &&
    nonSimpleDomain(parsed.host)
  ) {
    let url
    try {
      url = new URL('http://' + parsed.host)
    } catch (e) {
      parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e
      return true
    }
    // The WHATWG parser must have read the whole input as a host. Anything
    // else means it found a delimiter fast-uri did not, so its hostname would
    // describe a different authority.
    if (!isHostOnlyURL(url)) {
      parsed.error = parsed.error || MALFORMED_HOST_ERROR
      return true
    }
    parsed.host = url.hostname
  }
  return false
}

/**
 * Whether a domain host contains an ASCII character that RFC 3986 does not
 * allow in a reg-name (unreserved, sub-delims, or pct-encoded). Such a host is
 * rejected instead of being handed to the WHATWG URL parser, which would treat
 * "@" as a userinfo delimiter (silently dropping the data before it) and strip
 * TAB, LF, and CR. Non-ASCII characters remain allowed for IDNs.
 *
 * @param {import('./types/index').URIComponent} parsed
 * @param {import('./types/index').Options} options
 * @param {{ domainHost?: boolean }|undefined} schemeHandler
 * @param {boolean} isIP
 * @returns {boolean}
 */
function hasForbiddenDomainHost (parsed, options, schemeHandler, isIP) {
  return Boolean(
    parsed.host &&
    isIP === false &&
    !isIPLiteral(parsed.host) &&
    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
    FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
  )
}

/**
 * @param {URL} url
 * @returns {boolean}
 */
function isHostOnlyURL (url) {
  return url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.hostname !== ''
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {{ parsed: import('./types/index').URIComponent, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
 */
function parseWithStatus (uri, opts) {
  const options = Object.assign({}, opts)
  /** @type {import('./types/index').URIComponent} */
  const parsed = {
    scheme: undefined,
    userinfo: undefined,
    host: '',
    port: undefined,
    path: '',
    query: undefined,
    fragment: undefined
  }

  let malformedAuthorityOrPort = false
  let malformedPercentEncoding = false
  let malformedSchemeSpecific = false
  let malformedHost = false
  let malformedIPLiteral = false
  let malformedScheme = false

  let isIP = false
  if (options.reference === 'suffix') {
    if (options.scheme) {
      uri = options.scheme + ':' + uri
    } else {
      uri = '//' + uri
    }
  }

  // A literal backslash (U+005C) is not a valid RFC 3986 URI character and is
  // not an authority delimiter. Reject it in the authority rather than
  // rewriting it: normalizing "\" -> "/" (WHATWG error recovery) could silently
  // change the resource identified by an otherwise-invalid input, and lets "\"
  // act as a host delimiter here while Node's native URL parses a different
  // host (SSRF / redirect / origin-allowlist bypass). Percent-encoded %5C is
  // untouched and remains valid encoded data.
  const authorityMatch = uri.match(AUTHORITY_PREFIX)
  if (authorityMatch !== null && authorityMatch[1].indexOf('\\') !== -1) {
    parsed.error = 'URI authority must not contain a literal backslash.'
    malformedAuthorityOrPort = true
  }

  // Reject a malformed or whitespace-smuggled authority introducer. fast-uri
  // only recognizes a literal "//"; anything else in the leading separator run
  // (a backslash, or a "//" that appears only after removing the TAB/LF/CR that
  // Node strips) means the authority fast-uri parses differs from the one Node's
  // URL resolves. Reject rather than rewrite, mirroring the literal-backslash
  // guard above. Percent-encoded forms (%5C, %09) are untouched, valid data.
  const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION)
  if (introducerMatch !== null) {
    const region = introducerMatch[1]
    const normalizedRegion = region.replace(/[\t\n\r]/g, '')
    // Two or more leading separators introduce an authority.
    if (normalizedRegion.length >= 2) {
      if (normalizedRegion.slice(0, 2) !== '//') {
        parsed.error = parsed.error || 'URI authority must not contain a literal backslash.'
        malformedAuthorityOrPort = true
      } else if (region.length !== normalizedRegion.length) {
        parsed.error = parsed.error || 'URI authority introducer must not contain whitespace.'
        malformedAuthorityOrPort = true
      }
    }
  }

  const matches = uri.match(URI_PARSE)

  if (matches) {
    // store each component
    parsed.scheme = matches[1]
    parsed.userinfo = matches[3]
    parsed.host = matches[4]
    parsed.port = parseInt(matches[5], 10)
    parsed.path = matches[6] || ''
    parsed.query = matches[7]
    parsed.fragment = matches[8]

    if (parsed.scheme !== undefined) {
      if (VALID_SCHEME.test(parsed.scheme)) {
        parsed.scheme = parsed.scheme.toLowerCase()
      } else {
        parsed.error = parsed.error || MALFORMED_SCHEME_ERROR
        malformedScheme = true
      }
    }

    malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches)
    if (malformedPercentEncoding) {
      parsed.error = parsed.error || 'URI contains malformed percent-encoding.'
    }

    // fix port number
    if (isNaN(parsed.port)) {
      parsed.port = matches[5]
    }

    const parseError = getParseError(parsed, matches)
    if (parseError !== undefined) {
      parsed.error = parsed.error || parseError
      malformedAuthorityOrPort = true
    }

    if (parsed.host) {
      const ipv4result = isIPv4(parsed.host)
      if (ipv4result === false) {
        const bracketedIPLiteral = isIPLiteral(parsed.host)
        const hasIPLiteralBracket = parsed.host.indexOf('[') !== -1 || parsed.host.indexOf(']') !== -1
        const ipv6result = normalizeIPv6(parsed.host)
        isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true
        malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true)
        parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase()

        if (malformedIPLiteral) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR
          malformedAuthorityOrPort = true
        }
      } else {
        isIP = true
      }
    }
    if (parsed.scheme === undefined && parsed.userinfo === undefined && parsed.host === undefined && parsed.port === undefined && parsed.query === undefined && !parsed.path) {
      parsed.reference = 'same-document'
    } else if (parsed.scheme === undefined) {
      parsed.reference = 'relative'
    } else if (parsed.fragment === undefined) {
      parsed.reference = 'absolute'
    } else {
      parsed.reference = 'uri'
    }

    // check for reference errors
    if (options.reference && options.reference !== 'suffix' && options.reference !== parsed.reference) {
      parsed.error = parsed.error || 'URI is not a ' + options.reference + ' reference.'
    }

    // find scheme handler
    const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme)

    // convert Unicode IDN -> ASCII IDN when the effective scheme uses domain hosts
    if (!malformedIPLiteral) {
      malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP)
    }

    if (uri.indexOf('%') !== -1 && parsed.host !== undefined && !malformedIPLiteral) {
      let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true)
      if (!isIP) {
        // Fold reg-name case after decoding unreserved octets. The second
        // pass only restores uppercase hex in escapes that remain encoded.
        host = normalizePercentEncoding(host.toLowerCase())
      }
      // Resolution parses both inputs with the internal `null` scheme before
      // the effective scheme is known. Keep raw host delimiters for that step
      // so resolve() can reject them for domain-host schemes; the resolved
      // authority is encoded when it is serialized.
      parsed.host = isIP || options.scheme !== 'null' ? reescapeHostDelimiters(host, isIP) : host
    }

    if (!schemeHandler || (schemeHandler && !schemeHandler.skipNormalize)) {
      if (parsed.path) {
        parsed.path = normalizePathEncoding(parsed.path)
      }
      if (parsed.query) {
        parsed.query = normalizeQueryFragmentEncoding(parsed.query)
      }
      if (parsed.fragment) {
        parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment)
      }
    }

    // perform scheme specific parsing
    if (schemeHandler && schemeHandler.parse) {
      schemeHandler.parse(parsed, options)
      if (schemeHandler === SCHEMES.urn && parsed.nid === undefined) {
        malformedSchemeSpecific = true
      }
    }
  } else {
    parsed.error = parsed.error || 'URI can not be parsed.'
  }
  return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme }
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns
 */
function parse (uri, opts) {
  return parseWithStatus(uri, opts).parsed
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {string}
 */
function normalizeString (uri, opts) {
  return normalizeStringWithStatus(uri, opts).normalized
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {{ normalized: string, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
 */
function normalizeStringWithStatus (uri, opts) {
  const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts)
  return {
    normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
    malformedAuthorityOrPort,
    malformedPercentEncoding,
    malformedSchemeSpecific,
    malformedHost,
    malformedScheme
  }
}

/**
 * @param {import ('./types/index').URIComponent|string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {string|undefined}
 */
function normalizeComparableURI (uri, opts) {
  if (typeof uri !== 'string' && typeof uri !== 'object') {
    return undefined
  }

  let value
  try {
    value = typeof uri === 'string' ? uri : serialize(uri, opts)
  } catch {
    return undefined
  }
  const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts)
  return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? undefined : normalized
}

const fastUri = {
  SCHEMES,
  normalize,
  resolve,
  resolveComponent,
  equal,
  serialize,
  parse
}

module.exports = fastUri
module.exports["default"] = fastUri
module.exports.fastUri = fastUri


/***/ }),

/***/ 5300:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { isUUID } = __nccwpck_require__(5077)
const URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu

const supportedSchemeNames = /** @type {const} */ (['http', 'https', 'ws',
  'wss', 'urn', 'urn:uuid'])

/** @typedef {supportedSchemeNames[number]} SchemeName */

/**
 * @param {string} name
 * @returns {name is SchemeName}
 */
function isValidSchemeName (name) {
  return supportedSchemeNames.indexOf(/** @type {*} */ (name)) !== -1
}

/**
 * @callback SchemeFn
 * @param {import('../types/index').URIComponent} component
 * @param {import('../types/index').Options} options
 * @returns {import('../types/index').URIComponent}
 */

/**
 * @typedef {Object} SchemeHandler
 * @property {SchemeName} scheme - The scheme name.
 * @property {boolean} [domainHost] - Indicates if the scheme supports domain hosts.
 * @property {SchemeFn} parse - Function to parse the URI component for this scheme.
 * @property {SchemeFn} serialize - Function to serialize the URI component for this scheme.
 * @property {boolean} [skipNormalize] - Indicates if normalization should be skipped for this scheme.
 * @property {boolean} [absolutePath] - Indicates if the scheme uses absolute paths.
 * @property {boolean} [unicodeSupport] - Indicates if the scheme supports Unicode.
 */

/**
 * @param {import('../types/index').URIComponent} wsComponent
 * @returns {boolean}
 */
function wsIsSecure (wsComponent) {
  if (wsComponent.secure === true) {
    return true
  } else if (wsComponent.secure === false) {
    return false
  } else if (wsComponent.scheme) {
    return (
      wsComponent.scheme.length === 3 &&
      (wsComponent.scheme[0] === 'w' || wsComponent.scheme[0] === 'W') &&
      (wsComponent.scheme[1] === 's' || wsComponent.scheme[1] === 'S') &&
      (wsComponent.scheme[2] === 's' || wsComponent.scheme[2] === 'S')
    )
  } else {
    return false
  }
}

/** @type {SchemeFn} */
function httpParse (component) {
  if (!component.host) {
    component.error = component.error || 'HTTP URIs must have a host.'
  }

  return component
}

/** @type {SchemeFn} */
function httpSerialize (component) {
  const secure = String(component.scheme).toLowerCase() === 'https'

  // normalize the default port
  if (component.port === (secure ? 443 : 80) || component.port === '') {
    component.port = undefined
  }

  // normalize the empty path
  if (!component.path) {
    component.path = '/'
  }

  // NOTE: We do not parse query strings for HTTP URIs
  // as WWW Form Url Encoded query strings are part of the HTML4+ spec,
  // and not the HTTP spec.

  return component
}

/** @type {SchemeFn} */
function wsParse (wsComponent) {
// indicate if the secure flag is set
  wsComponent.secure = wsIsSecure(wsComponent)

  // construct resouce name
  wsComponent.resourceName = (wsComponent.path || '/') + (wsComponent.query ? '?' + wsComponent.query : '')
  wsComponent.path = undefined
  wsComponent.query = undefined

  return wsComponent
}

/** @type {SchemeFn} */
function wsSerialize (wsComponent) {
// normalize the default port
  if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === '') {
    wsComponent.port = undefined
  }

  // ensure scheme matches secure flag
  if (typeof wsComponent.secure === 'boolean') {
    wsComponent.scheme = (wsComponent.secure ? 'wss' : 'ws')
    wsComponent.secure = undefined
  }

  // reconstruct path from resource name
  if (wsComponent.resourceName) {
    const queryIndex = wsComponent.resourceName.indexOf('?')
    const path = queryIndex === -1
      ? wsComponent.resourceName
      : wsComponent.resourceName.slice(0, queryIndex)
    wsComponent.path = (path && path !== '/' ? path : undefined)
    wsComponent.query = queryIndex === -1
      ? undefined
      : wsComponent.resourceName.slice(queryIndex + 1)
    wsComponent.resourceName = undefined
  }

  // forbid fragment component
  wsComponent.fragment = undefined

  return wsComponent
}

/** @type {SchemeFn} */
function urnParse (urnComponent, options) {
  if (!urnComponent.path) {
    urnComponent.error = 'URN can not be parsed'
    return urnComponent
  }
  const matches = urnComponent.path.match(URN_REG)
  if (matches && matches[0] === urnComponent.path) {
    const scheme = options.scheme || urnComponent.scheme || 'urn'
    urnComponent.nid = matches[1].toLowerCase()
    urnComponent.nss = matches[2]
    const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`
    const schemeHandler = getSchemeHandler(urnScheme)
    urnComponent.path = undefined

    if (schemeHandler) {
      urnComponent = schemeHandler.parse(urnComponent, options)
    }
  } else {
    urnComponent.error = urnComponent.error || 'URN can not be parsed.'
  }

  return urnComponent
}

/** @type {SchemeFn} */
function urnSerialize (urnComponent, options) {
  if (urnComponent.nid === undefined) {
    throw new Error('URN without nid cannot be serialized')
  }
  const scheme = options.scheme || urnComponent.scheme || 'urn'
  const nid = urnComponent.nid.toLowerCase()
  const urnScheme = `${scheme}:${options.nid || nid}`
  const schemeHandler = getSchemeHandler(urnScheme)

  if (schemeHandler) {
    urnComponent = schemeHandler.serialize(urnComponent, options)
  }

  const uriComponent = urnComponent
  const nss = urnComponent.nss
  uriComponent.path = `${nid || options.nid}:${nss}`

  options.skipEscape = true
  return uriComponent
}

/** @type {SchemeFn} */
function urnuuidParse (urnComponent, options) {
  const uuidComponent = urnComponent
  uuidComponent.uuid = uuidComponent.nss
  uuidComponent.nss = undefined

  if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
    uuidComponent.error = uuidComponent.error || 'UUID is not valid.'
  }

  return uuidComponent
}

/** @type {SchemeFn} */
function urnuuidSerialize (uuidComponent) {
  const urnComponent = uuidComponent
  // normalize UUID
  urnComponent.nss = (uuidComponent.uuid || '').toLowerCase()
  return urnComponent
}

const http = /** @type {SchemeHandler} */ ({
  scheme: 'http',
  domainHost: true,
  parse: httpParse,
  serialize: httpSerialize
})

const https = /** @type {SchemeHandler} */ ({
  scheme: 'https',
  domainHost: http.domainHost,
  parse: httpParse,
  serialize: httpSerialize
})

const ws = /** @type {SchemeHandler} */ ({
  scheme: 'ws',
  domainHost: true,
  parse: wsParse,
  serialize: wsSerialize
})

const wss = /** @type {SchemeHandler} */ ({
  scheme: 'wss',
  domainHost: ws.domainHost,
  parse: ws.parse,
  serialize: ws.serialize
})

const urn = /** @type {SchemeHandler} */ ({
  scheme: 'urn',
  parse: urnParse,
  serialize: urnSerialize,
  skipNormalize: true
})

const urnuuid = /** @type {SchemeHandler} */ ({
  scheme: 'urn:uuid',
  parse: urnuuidParse,
  serialize: urnuuidSerialize,
  skipNormalize: true
})

const SCHEMES = /** @type {Record<SchemeName, SchemeHandler>} */ ({
  http,
  https,
  ws,
  wss,
  urn,
  'urn:uuid': urnuuid
})

Object.setPrototypeOf(SCHEMES, null)

/**
 * @param {string|undefined} scheme
 * @returns {SchemeHandler|undefined}
 */
function getSchemeHandler (scheme) {
  return (
    scheme && (
      SCHEMES[/** @type {SchemeName} */ (scheme)] ||
      SCHEMES[/** @type {SchemeName} */(scheme.toLowerCase())])
  ) ||
    undefined
}

module.exports = {
  wsIsSecure,
  SCHEMES,
  isValidSchemeName,
  getSchemeHandler,
}


/***/ }),

/***/ 5077:
/***/ ((module) => {



/** @type {(value: string) => boolean} */
const isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu)

/** @type {(value: string) => boolean} */
const isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u)

/** @type {(value: string) => boolean} */
const isPort = RegExp.prototype.test.bind(/^\d*$/u)

/** @type {(value: string) => boolean} */
const isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu)

/** @type {(value: string) => boolean} */
const isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu)

/** @type {(value: string) => boolean} */
const isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u)

/** @type {(value: string) => boolean} */
const isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u)

/** @type {(value: string) => boolean} */
const isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u)

const BYTE_HEX = new Array(256)
{
  const HEX_DIGITS = '0123456789ABCDEF'
  for (let i = 0; i < 256; i++) {
    BYTE_HEX[i] = '%' + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 0xF]
  }
}
function percentEncodeNonAscii (cp) {
  if (cp < 0x800) {
    return BYTE_HEX[0xC0 | (cp >> 6)] +
           BYTE_HEX[0x80 | (cp & 0x3F)]
  }
  if (cp < 0x10000) {
    return BYTE_HEX[0xE0 | (cp >> 12)] +
           BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
           BYTE_HEX[0x80 | (cp & 0x3F)]
  }
  return BYTE_HEX[0xF0 | (cp >> 18)] +
         BYTE_HEX[0x80 | ((cp >> 12) & 0x3F)] +
         BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
         BYTE_HEX[0x80 | (cp & 0x3F)]
}

/**
 * @param {Array<string>} input
 * @returns {string}
 */
function stringArrayToHexStripped (input) {
  let acc = ''
  let code = 0
  let i = 0

  for (i = 0; i < input.length; i++) {
    code = input[i].charCodeAt(0)
    if (code === 48) {
      continue
    }
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
      return ''
    }
    acc += input[i]
    break
  }

  for (i += 1; i < input.length; i++) {
    code = input[i].charCodeAt(0)
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
      return ''
    }
    acc += input[i]
  }
  return acc
}

/** @type {(value: string) => boolean} */
const isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/)

/** @type {(value: string) => boolean} */
const isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/)

/** @type {(value: string) => boolean} */
const isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/)

/**
 * @param {string} value
 * @returns {boolean}
 */
const nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u)

/**
 * @param {string} zone
 * @returns {boolean}
 */
function isZoneIdentifier (zone) {
  if (zone.length === 0) return false

  for (let i = 0; i < zone.length; i++) {
    if (isZoneCharacter(zone[i])) continue
    if (zone[i] === '%' && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
      i += 2
      continue
    }
    return false
  }

  return true
}

/**
 * Compresses the longest run of zero hextets to "::" per RFC 5952. A run of a
 * single zero hextet is left uncompressed. On ties the leftmost run wins.
 *
 * @param {string[]} hextets
 * @returns {string}
 */
function compressIPv6ZeroRun (hextets) {
  let bestStart = -1
  let bestLength = 0
  let runStart = -1
  let runLength = 0
  for (let i = 0; i < hextets.length; i++) {
    if (hextets[i] === '0') {
      if (runStart === -1) runStart = i
      runLength++
      if (runLength > bestLength) {
        bestLength = runLength
        bestStart = runStart
      }
    } else {
      runStart = -1
      runLength = 0
    }
  }

  if (bestLength < 2) return hextets.join(':')

  const head = hextets.slice(0, bestStart).join(':')
  const tail = hextets.slice(bestStart + bestLength).join(':')
  return head + '::' + tail
}

/**
 * Validates an IPv6 address against the alternatives in RFC 3986 section
 * 3.2.2 and returns the same address with leading hextet zeroes removed.
 * An embedded IPv4 address counts as two hextets and is only valid at the end.
 *
 * @param {string} input
 * @returns {string|undefined}
 */
function normalizeIPv6Address (input) {
  const compression = input.indexOf('::')
  if (compression !== -1 && input.indexOf('::', compression + 1) !== -1) return undefined

  const left = compression === -1 ? input.split(':') : input.slice(0, compression).split(':')
  const right = compression === -1 ? [] : input.slice(compression + 2).split(':')
  if (compression !== -1) {
    if (left.length === 1 && left[0] === '') left.length = 0
    if (right.length === 1 && right[0] === '') right.length = 0
  }

  const parts = left.concat(right)
  let hextetCount = 0
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (part === '') return undefined

    if (part.indexOf('.') !== -1) {
      if (i !== parts.length - 1 || (compression !== -1 && right.length === 0) || !isIPv4(part)) return undefined
      hextetCount += 2
      continue
    }

    if (!isHextet(part)) return undefined
    parts[i] = parseInt(part, 16).toString(16)
    hextetCount++
  }

  if (compression === -1) {
    if (hextetCount !== 8) return undefined
    return compressIPv6ZeroRun(parts)
  }
  if (hextetCount >= 8) return undefined

  // expand "::" then re-compress the longest run for a canonical result
  const expanded = parts.slice(0, left.length)
  for (let i = hextetCount; i < 8; i++) expanded.push('0')
  for (let i = left.length; i < parts.length; i++) expanded.push(parts[i])
  return compressIPv6ZeroRun(expanded)
}

/**
 * @typedef {Object} NormalizeIPv6Result
 * @property {string} host - The normalized host.
 * @property {string} [escapedHost] - The escaped host.
 * @property {boolean} isIPV6 - Indicates if the host is an IPv6 address.
 * @property {boolean} [isIPVFuture] - Indicates if the host is an IPvFuture literal.
 * @property {boolean} [error] - Indicates if a bracketed IP literal is malformed.
 */

/**
 * Validates and normalizes a bracketed IP literal. Raw zone separators remain
 * accepted for backwards compatibility, while encoded separators and zone
 * contents follow RFC 6874.
 *
 * @param {string} host
 * @returns {NormalizeIPv6Result}
 */
function normalizeIPv6 (host) {
  const bracketed = host[0] === '[' && host[host.length - 1] === ']'
  const hasBracket = host[0] === '[' || host[host.length - 1] === ']'
  if (hasBracket && !bracketed) return { host, isIPV6: false, error: true }

  let input = bracketed ? host.slice(1, -1) : host
  if (bracketed && isIPvFuture(input)) {
    input = input.toLowerCase()
    return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true }
  }

  if (findToken(input, ':') < 2) {
    return { host, isIPV6: false, error: bracketed }
  }

  let zoneIdentifier = ''
  const zoneSeparator = input.indexOf('%')
  if (zoneSeparator !== -1) {
    const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === '%25' ? 3 : 1
    zoneIdentifier = input.slice(zoneSeparator + separatorLength)
    if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true }
    input = input.slice(0, zoneSeparator)
  }

  const address = normalizeIPv6Address(input)
  if (address === undefined) return { host, isIPV6: false, error: true }

  return {
    host: address + (zoneIdentifier ? '%' + zoneIdentifier : ''),
    escapedHost: address + (zoneIdentifier ? '%25' + zoneIdentifier : ''),
    isIPV6: true
  }
}

/**
 * @param {string} str
 * @param {string} token
 * @returns {number}
 */
function findToken (str, token) {
  let ind = 0
  for (let i = 0; i < str.length; i++) {
    if (str[i] === token) ind++
  }
  return ind
}

/**
 * @param {string} path
 * @returns {string}
 *
 * @see https://datatracker.ietf.org/doc/html/rfc3986#section-5.2.4
 */
function removeDotSegments (path) {
  let input = path
  const output = []
  let nextSlash = -1
  let len = 0

  // eslint-disable-next-line no-cond-assign
  while (len = input.length) {
    if (len === 1) {
      if (input === '.') {
        break
      } else if (input === '/') {
        output.push('/')
        break
      } else {
        output.push(input)
        break
      }
    } else if (len === 2) {
      if (input[0] === '.') {
        if (input[1] === '.') {
          break
        } else if (input[1] === '/') {
          input = input.slice(2)
          continue
        }
      } else if (input[0] === '/') {
        if (input[1] === '.' || input[1] === '/') {
          output.push('/')
          break
        }
      }
    } else if (len === 3) {
      if (input === '/..') {
        if (output.length !== 0) {
          output.pop()
        }
        output.push('/')
        break
      }
    }
    if (input[0] === '.') {
      if (input[1] === '.') {
        if (input[2] === '/') {
          input = input.slice(3)
          continue
        }
      } else if (input[1] === '/') {
        input = input.slice(2)
        continue
      }
    } else if (input[0] === '/') {
      if (input[1] === '.') {
        if (input[2] === '/') {
          input = input.slice(2)
          continue
        } else if (input[2] === '.') {
          if (input[3] === '/') {
            input = input.slice(3)
            if (output.length !== 0) {
              output.pop()
            }
            continue
          }
        }
      }
    }

    // Rule 2E: Move normal path segment to output
    if ((nextSlash = input.indexOf('/', 1)) === -1) {
      output.push(input)
      break
    } else {
      output.push(input.slice(0, nextSlash))
      input = input.slice(nextSlash)
    }
  }

  return output.join('')
}

/**
 * Removes dot segments from the path of a relative reference (a path that does
 * not start with "/") without changing what it resolves to against any base.
 * Unlike `removeDotSegments`, leading ".." segments that cannot be collapsed
 * are kept, the result never becomes root-relative, and a result that would be
 * empty or start with an empty segment is prefixed with "." (an empty path
 * means "same document" and a leading "//" would introduce an authority).
 *
 * @param {string} path
 * @returns {string}
 */
function removeDotSegmentsRelative (path) {
  if (path === '' || path[0] === '/') {
    return removeDotSegments(path)
  }

  const segments = path.split('/')
  const last = segments.length - 1
  /** @type {string[]} */
  const output = []
  let trailingDirectory = false

  for (let i = 0; i <= last; i++) {
    const segment = segments[i]
    if (segment === '.' || segment === '..') {
      if (segment === '..') {
        if (output.length !== 0 && output[output.length - 1] !== '..') {
          output.pop()
        } else {
          output.push('..')
        }
      }
      trailingDirectory = i === last
    } else {
      output.push(segment)
    }
  }

  if (trailingDirectory && output[output.length - 1] !== '..') {
    output.push('')
  }
  if (output.length === 0 || output[0] === '' || output[0].includes(':')) {
    // An empty path, a leading empty segment ("//"), or a first segment
    // containing ":" (which would be mistaken for a scheme, RFC 3986 section
    // 4.2) must stay behind a "." segment so the reference keeps its meaning.
    output.unshift('.')
  }

  return output.join('/')
}

/**
 * Re-escape RFC 3986 gen-delims that must not appear literally in the host.
 * After the URI regex parses, these characters cannot be literal in the host
 * field, so any that appear after decoding came from percent-encoding and
 * must be restored to prevent authority structure changes.
 *
 * @param {string} host
 * @param {boolean} isIP - true for IPv4/IPv6 hosts (skip colon re-escaping)
 * @returns {string}
 */
const HOST_DELIMS = { '@': '%40', '/': '%2F', '?': '%3F', '#': '%23', ':': '%3A' }
const HOST_DELIM_RE = /[@/?#:]/g
const HOST_DELIM_NO_COLON_RE = /[@/?#]/g

function reescapeHostDelimiters (host, isIP) {
  const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE
  re.lastIndex = 0
  return host.replace(re, (ch) => HOST_DELIMS[ch])
}

/**
 * Normalizes percent escapes and optionally decodes only unreserved ASCII bytes.
 * Reserved delimiters such as `%2F` stay escaped; `%2E` is unreserved.
 *
 * @param {string} input
 * @param {boolean} [decodeUnreserved=false]
 * @returns {string}
 */
function normalizePercentEncoding (input, decodeUnreserved = false) {
  if (input.indexOf('%') === -1) {
    return input
  }

  let output = ''

  for (let i = 0; i < input.length; i++) {
    if (input[i] === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (decodeUnreserved && isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    output += input[i]
  }

  return output
}

/**
 * Normalizes path data without turning reserved escapes into live path syntax.
 * Valid escapes are uppercased, raw unsafe characters are escaped, and only
 * unreserved bytes that are not `.` are decoded.
 *
 * @param {string} input
 * @returns {string}
 */
function normalizePathEncoding (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (decoded !== '.' && isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    if (isPathCharacter(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += isEscapeSafe(code) ? ch : BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Serializes a path without rewriting reserved data. Raw RFC 3986 path
 * characters remain literal, valid escapes are preserved and uppercased, and
 * everything else is UTF-8 percent-encoded. In a path-noscheme, a colon in the
 * first segment must be escaped so the result cannot be parsed as a scheme.
 *
 * @param {string} input
 * @param {boolean} [pathNoScheme=false]
 * @returns {string}
 */
function serializePathEncoding (input, pathNoScheme = false) {
  let output = ''
  let firstSegment = pathNoScheme && input[0] !== '/'

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    if (ch === '/') {
      firstSegment = false
    }

    if (isPathCharacter(ch) && (ch !== ':' || !firstSegment)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Percent-encodes a URI component using its RFC 3986 literal character set.
 * Existing valid escapes are preserved and normalized to uppercase hex.
 *
 * @param {string} input
 * @param {(value: string) => boolean} isAllowed
 * @returns {string}
 */
function encodeComponent (input, isAllowed) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    if (isAllowed(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Encodes userinfo while preserving its RFC 3986 §3.2.1 literal characters.
 * In particular, authority delimiters such as `@`, `/`, `?`, and `#` are data.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeUserinfo (input) {
  return encodeComponent(input, isUserinfoCharacter)
}

/**
 * Encodes query data using the RFC 3986 §3.4 grammar. A literal `#` must be
 * escaped because it would otherwise begin the fragment component.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeQuery (input) {
  return encodeComponent(input, isQueryFragmentCharacter)
}

/**
 * Encodes fragment data using the RFC 3986 §3.5 grammar.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeFragment (input) {
  return encodeComponent(input, isQueryFragmentCharacter)
}

function isEscapeSafe (cp) {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5A) ||
    (cp >= 0x61 && cp <= 0x7A) ||
    cp === 0x2A || cp === 0x2B || cp === 0x2D || cp === 0x2E ||
    cp === 0x2F || cp === 0x40 || cp === 0x5F
  )
}

/**
 * Normalizes the percent-encoding of a query or fragment component.
 *
 * Like `normalizePathEncoding`, but uses the query/fragment character set
 * (which additionally allows `?`) and decodes `.` since it has no dot-segment
 * meaning outside of a path.
 *
 * @param {string} input
 * @returns {string}
 */
function normalizeQueryFragmentEncoding (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    if (isQueryFragmentCharacter(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += isEscapeSafe(code) ? ch : BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Escapes a component while preserving existing valid percent escapes.
 *
 * @param {string} input
 * @returns {string}
 */
function escapePreservingEscapes (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    if (input[i] === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    output += escape(input[i])
  }

  return output
}

/**
 * @param {import('../types/index').URIComponent} component
 * @returns {string|undefined}
 */
function recomposeAuthority (component) {
  const uriTokens = []

  if (component.userinfo !== undefined) {
    uriTokens.push(encodeUserinfo(component.userinfo))
    uriTokens.push('@')
  }

  if (component.host !== undefined) {
    let host = component.host
    if (!isIPv4(host)) {
      let ipV6res = normalizeIPv6(host)
      if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
        // Decode only unreserved bytes, once. In particular, keep %25 encoded
        // so it cannot introduce a second escape during recomposition.
        host = normalizePercentEncoding(host, true)
        ipV6res = normalizeIPv6(host)
      }
      if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
        host = `[${ipV6res.escapedHost}]`
      } else {
        host = reescapeHostDelimiters(host, false)
      }
    }
    uriTokens.push(host)
  }

  if (typeof component.port === 'number' || typeof component.port === 'string') {
    const port = String(component.port)
    if (!isPort(port)) {
      throw new TypeError('URI port is malformed.')
    }
    uriTokens.push(':')
    uriTokens.push(port)
  }

  return uriTokens.length ? uriTokens.join('') : undefined
};

module.exports = {
  nonSimpleDomain,
  recomposeAuthority,
  reescapeHostDelimiters,
  normalizePercentEncoding,
  normalizePathEncoding,
  serializePathEncoding,
  normalizeQueryFragmentEncoding,
  encodeUserinfo,
  encodeQuery,
  encodeFragment,
  escapePreservingEscapes,
  removeDotSegments,
  removeDotSegmentsRelative,
  isIPv4,
  isUUID,
  normalizeIPv6,
  stringArrayToHexStripped
}


/***/ }),

/***/ 4953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BK: () => (/* binding */ helpText),
/* harmony export */   Be: () => (/* binding */ envToken),
/* harmony export */   Ec: () => (/* binding */ jsonOption),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   nv: () => (/* binding */ gridOptions),
/* harmony export */   qg: () => (/* binding */ parse)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3026);


/** Options that mean the same in every command that talks to a grid. */
const gridOptions = {
    repository: {
        type: 'string',
        short: 'r',
        default: '.',
        placeholder: 'URL|PATH|OWNER/NAME',
        description: 'the grid repository (default: the current directory). The token comes from DGRID_TOKEN, never a flag',
    },
    branch: { type: 'string', default: 'main', placeholder: 'NAME', description: 'the grid branch (default: main)' },
};
const jsonOption = {
    json: { type: 'boolean', default: false, description: 'print machine-readable JSON on stdout' },
};
function helpText(command) {
    const lines = [`Usage: dgrid ${command.name} ${command.usage}`.trimEnd(), '', command.summary, '', 'Options:'];
    const all = {
        ...command.options,
        help: { type: 'boolean', short: 'h', description: 'show this help' },
    };
    for (const [name, spec] of Object.entries(all)) {
        const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.placeholder ?? 'VALUE'}` : ''}`;
        lines.push(`  ${flag.padEnd(36)} ${spec.description}`);
    }
    return lines.join('\n');
}
function parse(command, argv) {
    const options = { help: { type: 'boolean', short: 'h' } };
    for (const [name, spec] of Object.entries(command.options)) {
        const { description: _d, placeholder: _p, ...config } = spec;
        options[name] = config;
    }
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${error.message}\nRun "dgrid ${command.name} --help" for the options.`);
    }
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
function num(name, value, min, max = Number.MAX_SAFE_INTEGER) {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`--${name} is "${String(value)}": give a number from ${min} to ${max}`);
    return n;
}
/** The grid token, from the environment only: arguments are visible to every user of the machine. */
function envToken() {
    return process.env.DGRID_TOKEN || undefined;
}


/***/ }),

/***/ 39:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  s: () => (/* binding */ audit)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __nccwpck_require__(643);
// EXTERNAL MODULE: ./build/src/core/layout.js
var layout = __nccwpck_require__(2879);
// EXTERNAL MODULE: ./build/src/core/git/runner.js
var runner = __nccwpck_require__(1482);
// EXTERNAL MODULE: ./build/src/core/git/store.js
var store = __nccwpck_require__(475);
// EXTERNAL MODULE: ./build/src/core/errors.js
var errors = __nccwpck_require__(3026);
;// CONCATENATED MODULE: ./build/src/core/audit.js
// The audit: replays the grid branch commit by commit (first parent, from its first commit) and checks that
// its history obeys the contract. Git history is the grid's audit log; this reads it.
//
// It reads one `git log --raw` of the branch and the records it adds or changes (in batches of one
// cat-file process), never a whole tree: the cost grows with the changes, not with commits times tasks.
//
// The rules, each named in a violation:
//   one-place       After every commit, each task id is in exactly one lifecycle folder, once (invariant 1).
//   lost            A task leaves the lifecycle folders only by archiving (rule archive).
//   archive         A result removed from the grid went to the archive: the removing commit's `Archived-To:`
//                   trailer names a commit of <branch>-archive holding the same file at
//                   tasks/<state>/<year>/<day>/..., and the archive branch's tip still holds it.
//   claim           A record in in_progress/ is a claim whose token no claim of any task used before.
//   attempt-order   A task's attempt numbers only grow: each claim's attempt is above every earlier attempt
//                   of the task, and a result of a claim has the claim's attempt.
//   fencing         A result that carries `claim` ends the claim the parent commit held: the same commit
//                   removes the task's in_progress record with that token.
//   unclaimed       A result without `claim` is a rejection of a queued task that never ran (an invalid file,
//                   a failed or missing dependency, a cancel while queued, attempts used up): the same commit
//                   removes the task from queue/, the result is in failed/ with status error, failure or
//                   cancelled and exit_code null, and its attempt counts the attempts used (the entries of
//                   its history that are not `returned`).
//   requeue         A queue record written in the commit that removes the task's claim ends that claim: its
//                   history is the claim's plus one attempt with the claim's token and attempt number.
//   history         Records dgrid writes keep the task's history as it was (claims, results, rejections).
//   completed-twice A claim token is ended once: by a result or by a requeue, never both or twice.
//   terminal-twice  A task has one terminal record, written once, and never comes back after it.
//   unreadable      A record dgrid writes (claim, result, requeue) is a JSON object.





const MAX_REPORTED = 1000;
const BLOB_BATCH = 5000;
const GIT_TIMEOUT_MS = 30 * 60_000;
function formatViolation(v) {
    return `commit ${v.commit.slice(0, 12)}: task ${v.task}: ${v.rule}: ${v.message}`;
}
/**
 * Audits a grid branch: `source` is a local repository (bare or not) read in place, or a store opened
 * with depth 0, which fetches the branch and its archive with their full history first.
 */
async function auditGrid(source, branch = 'main') {
    const started = external_node_perf_hooks_.performance.now();
    let dir;
    let tip;
    let archiveTip;
    if (typeof source === 'string') {
        dir = source;
        tip = await revParse(dir, `refs/heads/${branch}`);
        archiveTip = await revParse(dir, `refs/heads/${(0,layout/* archiveBranch */.zb)(branch)}`);
    }
    else {
        if (source.options.depth !== 0)
            throw new Error('auditGrid needs a store opened with depth 0: it reads history');
        dir = source.options.dir;
        branch = source.branch;
        tip = await source.fetch();
        const archive = await store/* GridStore */.g.open({ ...source.options, branch: (0,layout/* archiveBranch */.zb)(branch) });
        archiveTip = await archive.fetch();
    }
    if (tip === null)
        throw new errors/* UserError */.y(`branch "${branch}" does not exist in the repository: nothing to audit`);
    const replay = new Replay(dir);
    await replay.run(tip);
    await replay.checkArchive(archiveTip, (0,layout/* archiveBranch */.zb)(branch));
    return {
        branch,
        tip,
        ok: replay.violationCount === 0,
        violations: replay.violations,
        violationCount: replay.violationCount,
        figures: replay.figures,
        ms: Math.round(external_node_perf_hooks_.performance.now() - started),
    };
}
async function revParse(dir, ref) {
    const out = await (0,runner/* runGit */.EO)(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: dir });
    if (out.exitCode === 0)
        return out.stdout.toString('utf8').trim();
    if (out.stderr.trim())
        throw new errors/* UserError */.y(`${dir}: not a git repository (${out.stderr.trim().split('\n')[0]})`);
    return null;
}
class Replay {
    dir;
    violations = [];
    violationCount = 0;
    figures = { commits: 0, tasks: 0, claims: 0, results: 0, requeues: 0, archived: 0 };
    tasks = new Map();
    summaries = new Map();
    /** Every claim token ever written, by task id. */
    tokens = new Map();
    /** How each ended token ended. */
    ended = new Map();
    archived = [];
    constructor(dir) {
        this.dir = dir;
    }
    violation(commit, task, rule, message) {
        this.violationCount++;
        if (this.violations.length < MAX_REPORTED)
            this.violations.push({ commit, task, rule, message });
    }
    async run(tip) {
        const commits = await this.log(tip);
        await this.readRecords(commits);
        for (const commit of commits)
            this.apply(commit);
        this.figures.commits = commits.length;
        this.figures.tasks = this.tasks.size;
    }
    /** The branch's first-parent history, oldest first, with each commit's changes. */
    async log(tip) {
        const out = await (0,runner/* git */.$Y)([
            'log',
            '--first-parent',
            '--reverse',
            '--diff-merges=first-parent',
            '--no-renames',
            '--raw',
            '-z',
            '--no-abbrev',
            '--format=commit %H%x00%(trailers:key=Archived-To,valueonly,separator=%x2C)',
            tip,
        ], { cwd: this.dir, timeoutMs: GIT_TIMEOUT_MS });
        const tokens = out.split('\0');
        const commits = [];
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i].replace(/^\n+/, '');
            if (token.startsWith('commit ')) {
                const trailers = tokens[++i] ?? '';
                const archivedTo = trailers
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean);
                commits.push({ sha: token.slice('commit '.length), archivedTo, changes: [] });
            }
            else if (token.startsWith(':')) {
                // ":<old mode> <new mode> <old sha> <new sha> <status>", then the path
                const [, newMode, oldSha, newSha, status] = token.slice(1).split(' ');
                const path = tokens[++i];
                if (!(0,layout/* locate */.x5)(path))
                    continue;
                commits.at(-1).changes.push({ path, oldSha, newSha, readable: /^100/.test(newMode), deleted: status === 'D' });
            }
        }
        return commits;
    }
    /** Reads every record the history writes, in batches of one cat-file process. */
    async readRecords(commits) {
        const needed = new Set();
        for (const commit of commits) {
            for (const change of commit.changes)
                if (!change.deleted && change.readable)
                    needed.add(change.newSha);
        }
        const shas = [...needed];
        for (let i = 0; i < shas.length; i += BLOB_BATCH) {
            const blobs = await (0,runner/* catFileBatch */.Fn)(shas.slice(i, i + BLOB_BATCH), { cwd: this.dir, timeoutMs: GIT_TIMEOUT_MS });
            for (const [sha, blob] of blobs)
                this.summaries.set(sha, summarize(blob));
        }
    }
    task(id) {
        let state = this.tasks.get(id);
        if (!state) {
            state = { locations: new Set(), history: [], maxAttempt: 0, inTwoPlaces: false };
            this.tasks.set(id, state);
        }
        return state;
    }
    apply(commit) {
        const removed = new Map();
        const written = [];
        const touched = new Set();
        for (const change of commit.changes) {
            const located = (0,layout/* locate */.x5)(change.path);
            const task = this.task(located.id);
            touched.add(located.id);
            if (change.deleted) {
                task.locations.delete(change.path);
                const byState = removed.get(located.id) ?? new Map();
                byState.set(located.state, [...(byState.get(located.state) ?? []), change]);
                removed.set(located.id, byState);
            }
            else {
                task.locations.add(change.path);
                written.push({ id: located.id, state: located.state, change });
            }
        }
        for (const w of written) {
            const gone = removed.get(w.id);
            if (w.state === 'queue')
                this.queued(commit, w, gone?.get('in_progress'));
            else if (w.state === 'in_progress')
                this.claimed(commit, w);
            else
                this.finished(commit, w, gone);
        }
        for (const id of touched)
            this.placed(commit, id, removed.get(id));
    }
    /** A submission, an edit of a queued task, or a requeue when the same commit removes the task's claim. */
    queued(commit, w, claims) {
        const task = this.task(w.id);
        const record = this.summaries.get(w.change.newSha);
        if (!claims) {
            if (task.terminalAt)
                this.terminalAgain(commit, w.id, task, 'queue');
            if (record)
                task.history = record.history;
            return;
        }
        if (!record)
            return this.violation(commit.sha, w.id, 'unreadable', `${w.change.path} is not a JSON record`);
        const claim = this.summaries.get(claims[0].oldSha)?.claim;
        const last = record.history.at(-1);
        if (!claim)
            return; // the removed claim was itself unreadable, reported when it was written
        if (!last || last.token !== claim.token || last.attempt !== claim.attempt) {
            this.violation(commit.sha, w.id, 'requeue', `requeued without an attempt for the claim it ends (token ${claim.token}, attempt ${claim.attempt})`);
        }
        else {
            this.end(commit, w.id, claim.token, `requeued (${last.status})`);
            this.figures.requeues++;
        }
        this.sameHistory(commit, w.id, task, record.history.slice(0, -1));
        task.history = record.history;
    }
    claimed(commit, w) {
        const task = this.task(w.id);
        const record = this.summaries.get(w.change.newSha);
        if (!record?.claim)
            return this.violation(commit.sha, w.id, 'unreadable', `${w.change.path} is not a claim`);
        const { token, attempt } = record.claim;
        this.figures.claims++;
        const owner = this.tokens.get(token);
        if (owner !== undefined) {
            this.violation(commit.sha, w.id, 'claim', `claim token ${token} was already used by a claim of ${owner}`);
        }
        this.tokens.set(token, w.id);
        if (attempt <= task.maxAttempt) {
            this.violation(commit.sha, w.id, 'attempt-order', `claimed as attempt ${attempt} after attempt ${task.maxAttempt}`);
        }
        task.maxAttempt = Math.max(task.maxAttempt, attempt);
        if (task.terminalAt)
            this.terminalAgain(commit, w.id, task, 'in_progress');
        this.sameHistory(commit, w.id, task, record.history);
        task.history = record.history;
    }
    finished(commit, w, gone) {
        const task = this.task(w.id);
        this.figures.results++;
        if (task.terminalAt)
            this.terminalAgain(commit, w.id, task, w.state);
        task.terminalAt = commit.sha;
        const record = this.summaries.get(w.change.newSha);
        if (!record || record.status === undefined || record.attempt === undefined) {
            return this.violation(commit.sha, w.id, 'unreadable', `${w.change.path} is not a result`);
        }
        if (record.claim)
            this.finishedClaim(commit, w, record, gone?.get('in_progress'));
        else
            this.rejected(commit, w, record, gone?.has('queue') ?? false);
        this.sameHistory(commit, w.id, task, record.history);
        task.history = record.history;
    }
    finishedClaim(commit, w, record, claims) {
        const { token, attempt } = record.claim;
        if (this.tokens.get(token) !== w.id) {
            this.violation(commit.sha, w.id, 'fencing', `result of claim token ${token}, which no claim of this task held`);
        }
        else if (!claims?.some((c) => this.summaries.get(c.oldSha)?.claim?.token === token)) {
            this.violation(commit.sha, w.id, 'fencing', `result of claim token ${token}, but this commit does not end an in_progress record holding it`);
        }
        if (record.attempt !== attempt) {
            this.violation(commit.sha, w.id, 'attempt-order', `result says attempt ${record.attempt}, its claim ${attempt}`);
        }
        this.end(commit, w.id, token, 'finished');
    }
    rejected(commit, w, record, fromQueue) {
        const used = record.history.filter((a) => a.status !== 'returned').length;
        const problems = [
            !fromQueue && 'this commit does not remove it from queue/',
            w.state !== 'failed' && `it is in ${w.state}/, not failed/`,
            !['error', 'failure', 'cancelled'].includes(record.status) && `its status is ${record.status}`,
            record.exitCode !== null && `its exit code is ${record.exitCode}`,
            record.attempt !== used && `its attempt is ${record.attempt}, but ${used} attempt(s) were used`,
        ].filter((p) => typeof p === 'string');
        if (problems.length > 0) {
            this.violation(commit.sha, w.id, 'unclaimed', `result without a claim, but ${problems.join('; ')}`);
        }
    }
    end(commit, id, token, how) {
        const before = this.ended.get(token);
        if (before)
            this.violation(commit.sha, id, 'completed-twice', `claim token ${token} ${how}, but it was already ${before}`);
        else
            this.ended.set(token, how);
    }
    terminalAgain(commit, id, task, state) {
        this.violation(commit.sha, id, 'terminal-twice', `written to ${state}/ after its terminal record of commit ${task.terminalAt.slice(0, 12)}`);
    }
    sameHistory(commit, id, task, history) {
        const was = task.history.map((a) => a.token).join(',');
        if (history.map((a) => a.token).join(',') !== was) {
            this.violation(commit.sha, id, 'history', `its history of ${history.length} attempt(s) differs from the one before`);
        }
    }
    /** Invariant 1 after the commit, and whether a task that left every folder went to the archive. */
    placed(commit, id, gone) {
        const task = this.task(id);
        if (task.locations.size > 1) {
            if (!task.inTwoPlaces) {
                this.violation(commit.sha, id, 'one-place', `in ${[...task.locations].sort().join(' and ')}`);
            }
            task.inTwoPlaces = true;
            return;
        }
        task.inTwoPlaces = false;
        if (task.locations.size === 1 || !gone)
            return;
        const results = [...(gone.get('completed') ?? []), ...(gone.get('failed') ?? [])];
        if (commit.archivedTo.length === 0 || results.length === 0) {
            const from = [...gone.values()].flat().map((c) => c.path);
            this.violation(commit.sha, id, 'lost', `removed from ${from.join(', ')} and written nowhere`);
            return;
        }
        for (const change of results) {
            const [, state, day, ...rest] = change.path.split('/');
            if (!layout/* DAY_FOLDER */.iV.test(day ?? '')) {
                this.violation(commit.sha, id, 'archive', `archived from ${change.path}, which is not in a day folder`);
                continue;
            }
            const target = `${(0,layout/* archivedDayPath */.Qf)(state, day)}/${rest.join('/')}`;
            this.archived.push({ commit: commit.sha, task: id, sha: change.oldSha, target, archivedTo: commit.archivedTo });
            this.figures.archived++;
        }
    }
    /** Each archived result is in the commit its trailer names, and still at the archive branch's tip. */
    async checkArchive(archiveTip, branch) {
        if (this.archived.length === 0)
            return;
        if (archiveTip === null) {
            for (const a of this.archived)
                this.violation(a.commit, a.task, 'archive', `archived, but ${branch} does not exist`);
            return;
        }
        const paths = [...new Set(this.archived.map((a) => a.target))];
        const atTip = await this.blobsAt(archiveTip, paths);
        const named = new Map();
        for (const sha of new Set(this.archived.flatMap((a) => a.archivedTo))) {
            const reachable = await (0,runner/* runGit */.EO)(['merge-base', '--is-ancestor', sha, archiveTip], { cwd: this.dir });
            named.set(sha, reachable.exitCode === 0 ? await this.blobsAt(sha, paths) : null);
        }
        for (const a of this.archived) {
            const holders = a.archivedTo.filter((sha) => named.get(sha)?.get(a.target) === a.sha);
            if (holders.length === 0) {
                this.violation(a.commit, a.task, 'archive', `Archived-To ${a.archivedTo.join(', ')}: no such commit of ${branch} holds ${a.target} as it was removed`);
            }
            else if (atTip.get(a.target) !== a.sha) {
                this.violation(a.commit, a.task, 'archive', `${branch} no longer holds ${a.target} at its tip`);
            }
        }
    }
    async blobsAt(commit, paths) {
        const out = await (0,runner/* git */.$Y)(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths], {
            cwd: this.dir,
            timeoutMs: GIT_TIMEOUT_MS,
        });
        const blobs = new Map();
        for (const record of out.split('\0')) {
            const tab = record.indexOf('\t');
            if (tab > 0)
                blobs.set(record.slice(tab + 1), record.slice(0, tab).split(' ')[2]);
        }
        return blobs;
    }
}
/** The fields the rules read; undefined when the blob is not a JSON object. */
function summarize(blob) {
    let value;
    try {
        value = JSON.parse(blob.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (!isObject(value))
        return undefined;
    const claim = isObject(value.claim) ? value.claim : undefined;
    const history = Array.isArray(value.attempts) ? value.attempts.filter(isObject) : [];
    return {
        ...(claim && typeof claim.token === 'string'
            ? { claim: { token: claim.token, attempt: Number(claim.attempt) } }
            : {}),
        ...(typeof value.attempt === 'number' ? { attempt: value.attempt } : {}),
        ...(typeof value.status === 'string' ? { status: value.status } : {}),
        ...(value.exit_code === null || typeof value.exit_code === 'number' ? { exitCode: value.exit_code } : {}),
        history: history.map((a) => ({
            attempt: Number(a.attempt),
            token: String(a.claim_token),
            status: String(a.status),
        })),
    };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./build/src/core/grid-admin.js
var grid_admin = __nccwpck_require__(1079);
// EXTERNAL MODULE: ./build/src/core/status.js
var core_status = __nccwpck_require__(6799);
// EXTERNAL MODULE: ./build/src/cli/command.js
var command = __nccwpck_require__(4953);
;// CONCATENATED MODULE: ./build/src/cli/commands/audit.js








const audit = {
    name: 'audit',
    summary: 'Replay the grid branch commit by commit and check its history: each task in one place in every commit, ' +
        'every result backed by the claim it ends, no claim finished twice, attempts that only grow, nothing lost ' +
        'but what went to the archive. Exits 1 on a violation.',
    usage: '[options]',
    options: { ...command/* gridOptions */.nv, ...command/* jsonOption */.Ec },
    async run(values) {
        const remote = (0,grid_admin/* remoteUrl */.gX)((0,command/* str */.gx)(values.repository));
        const branch = (0,command/* str */.gx)(values.branch);
        const report = await auditGrid(await source(remote, branch), branch);
        if (values.json)
            console.log(JSON.stringify(report, null, 2));
        else
            print(report);
        return report.ok ? 0 : 1;
    },
};
/** A local repository is read in place; a remote one is fetched, with its full history, into a cache. */
async function source(remote, branch) {
    if (remote.startsWith('file:')) {
        const path = (0,external_node_url_.fileURLToPath)(remote);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new errors/* UserError */.y(`${path} does not exist: give the path or URL of a grid repository`);
        return path;
    }
    const token = (0,command/* envToken */.Be)();
    return store/* GridStore */.g.open({
        remote,
        branch,
        dir: (0,core_status/* cacheDir */.e8)(remote, branch, 'audit'),
        depth: 0,
        ...(token ? { token } : {}),
    });
}
function print(report) {
    for (const violation of report.violations)
        console.log(formatViolation(violation));
    const hidden = report.violationCount - report.violations.length;
    if (hidden > 0)
        console.log(`... and ${hidden} more`);
    const f = report.figures;
    console.log(`${report.ok ? 'audit passed' : `audit FAILED: ${report.violationCount} violation(s)`}: ${report.branch} at ` +
        `${report.tip?.slice(0, 12)}: replayed ${f.commits} commits in ${(report.ms / 1000).toFixed(1)} s: ${f.tasks} tasks, ` +
        `${f.claims} claims, ${f.results} results, ${f.requeues} attempts back in the queue, ${f.archived} archived`);
}


/***/ }),

/***/ 6389:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ cancel)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3026);
/* harmony import */ var _core_grid_admin_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1079);
/* harmony import */ var _core_git_store_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(475);
/* harmony import */ var _core_status_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6799);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4953);





const cancel = {
    name: 'cancel',
    summary: 'Cancel queued or running tasks: adds tasks/cancel/<id>.json (a pull request adding that file does the same). ' +
        'They end in failed/ with status cancelled.',
    usage: '[options] TASK_ID ...',
    options: {
        ..._command_js__WEBPACK_IMPORTED_MODULE_3__/* .gridOptions */ .nv,
        reason: { type: 'string', placeholder: 'TEXT', description: 'why, kept with the request' },
    },
    async run(values, ids) {
        if (ids.length === 0)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y('give the ids of the tasks to cancel');
        const remote = (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_0__/* .remoteUrl */ .gX)((0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.repository));
        const branch = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.branch);
        const token = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .envToken */ .Be)();
        const store = await _core_git_store_js__WEBPACK_IMPORTED_MODULE_1__/* .GridStore */ .g.open({
            remote,
            branch,
            dir: (0,_core_status_js__WEBPACK_IMPORTED_MODULE_2__/* .cacheDir */ .e8)(remote, branch, 'admin'),
            ...(token ? { token } : {}),
        });
        const commit = await (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_0__/* .requestCancel */ .AX)(store, ids, (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.reason) || undefined);
        console.log(`requested cancellation of ${ids.join(', ')} (${commit.slice(0, 12)})`);
        return 0;
    },
};


/***/ }),

/***/ 6692:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ demo)
/* harmony export */ });
/* unused harmony export SAMPLE_TASKS */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var _core_git_store_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(475);
/* harmony import */ var _core_grid_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5865);
/* harmony import */ var _core_grid_admin_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1079);
/* harmony import */ var _core_log_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5491);
/* harmony import */ var _core_sandbox_docker_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(6369);
/* harmony import */ var _core_sandbox_process_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(6300);
/* harmony import */ var _core_validation_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(3478);
/* harmony import */ var _core_worker_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(6749);
/* harmony import */ var _dashboard_collect_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(9968);
/* harmony import */ var _dashboard_render_js__WEBPACK_IMPORTED_MODULE_12__ = __nccwpck_require__(5370);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_13__ = __nccwpck_require__(4953);














const DEMO_IMAGES = ['dgrid-sandbox:bookworm', 'python:3.12-alpine', 'python:3.12-slim'];
const SAMPLE_TASKS = [
    { task_id: 'demo-task-001', script: "echo 'Hello, D-GRID!' && python3 --version", timeout_seconds: 30 },
    {
        task_id: 'demo-primes',
        script: 'python3 -c "print(sum(1 for n in range(2, 20000) if all(n % d for d in range(2, int(n ** 0.5) + 1))))"',
        description: 'Counts the primes below 20,000',
    },
    { task_id: 'demo-urgent', script: 'echo "high priority runs first"', priority: 'high' },
    { task_id: 'demo-env', script: 'echo "$GREETING from uid $(id -u)"', env: { GREETING: 'hello' } },
    {
        task_id: 'demo-fails',
        script: "echo 'about to fail' >&2; exit 3",
        max_attempts: 1,
        description: 'Ends in failed/ with exit code 3, without a retry',
    },
    {
        task_id: 'demo-timeout',
        script: 'sleep 30',
        timeout_seconds: 1,
        max_attempts: 1,
        description: 'Killed by its timeout',
    },
    { task_id: 'demo-report', script: 'echo "runs after demo-primes"', depends_on: ['demo-primes'] },
];
/** Docker with a local image when a daemon answers and has one; otherwise plain processes, said out loud. */
async function chooseSandbox() {
    const probe = await _core_sandbox_docker_js__WEBPACK_IMPORTED_MODULE_7__/* .DockerSandbox */ .s.probe();
    if (!probe.ok)
        return { sandbox: new _core_sandbox_process_js__WEBPACK_IMPORTED_MODULE_8__/* .ProcessSandbox */ .b(), notice: `no Docker daemon answers (${probe.reason})` };
    const wanted = process.env.DGRID_DEMO_IMAGE ? [process.env.DGRID_DEMO_IMAGE] : DEMO_IMAGES;
    for (const image of wanted) {
        if (await _core_sandbox_docker_js__WEBPACK_IMPORTED_MODULE_7__/* .DockerSandbox */ .s.hasImage(image))
            return { sandbox: new _core_sandbox_docker_js__WEBPACK_IMPORTED_MODULE_7__/* .DockerSandbox */ .s(), image };
    }
    return { sandbox: new _core_sandbox_process_js__WEBPACK_IMPORTED_MODULE_8__/* .ProcessSandbox */ .b(), notice: `Docker answers but has none of the images ${wanted.join(', ')}` };
}
const demo = {
    name: 'demo',
    summary: 'Build a throwaway grid on a local bare repository, run two workers on sample tasks, and show the outcome.',
    usage: '[options]',
    options: {
        dir: { type: 'string', placeholder: 'DIR', description: 'where to put the grid (default: a new temporary folder)' },
        verbose: { type: 'boolean', default: false, description: "show the workers' log" },
    },
    async run(values) {
        const dir = (0,_command_js__WEBPACK_IMPORTED_MODULE_13__/* .str */ .gx)(values.dir) || (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'dgrid-demo-')));
        const gridPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'grid.git');
        const remote = (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_5__/* .remoteUrl */ .gX)(gridPath);
        const { sandbox, image, notice } = await chooseSandbox();
        if (notice)
            console.log(`NOTICE: ${notice}; running the demo with sandbox "none" (plain processes, no isolation).`);
        else
            console.log(`Sandbox: docker, image ${image}`);
        // A local bare repository has no push budget to respect.
        const policy = { push_budget_per_minute: 0, ...(image ? { default_image: image, allowed_images: [image] } : {}) };
        await (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_5__/* .initGrid */ .vq)({
            repository: gridPath,
            branch: 'main',
            policyText: JSON.stringify(policy, null, 2) + '\n',
            cacheDir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'cache', 'admin'),
        });
        const store = await _core_git_store_js__WEBPACK_IMPORTED_MODULE_3__/* .GridStore */ .g.open({ remote, branch: 'main', dir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'cache', 'admin') });
        await (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_5__/* .submitTasks */ .Hj)(store, SAMPLE_TASKS);
        console.log(`Grid: ${gridPath} with ${SAMPLE_TASKS.length} sample tasks; starting two workers...`);
        const started = Date.now();
        const log = values.verbose ? (0,_core_log_js__WEBPACK_IMPORTED_MODULE_6__/* .consoleLog */ .a)(true) : _core_log_js__WEBPACK_IMPORTED_MODULE_6__/* .silentLog */ .J;
        const workers = ['demo-node-1', 'demo-node-2'].map((nodeId) => new _core_worker_js__WEBPACK_IMPORTED_MODULE_10__/* .Worker */ .TK({
            remote,
            branch: 'main',
            nodeId,
            labels: [],
            slots: 2,
            maxTasks: 0,
            maxRuntimeMinutes: 5,
            idleTimeoutSeconds: 2,
            pollIntervalSeconds: 0.2,
            cacheDir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'cache', nodeId),
        }, sandbox, log));
        const reports = await Promise.all(workers.map((w) => w.run()));
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const tip = await store.fetch();
        const snapshot = await _core_grid_js__WEBPACK_IMPORTED_MODULE_4__/* .GridSnapshot */ .T.load(store, tip);
        const files = [...snapshot.of('completed'), ...snapshot.of('failed')];
        const records = [...(await snapshot.readJson(files)).values()].filter((r) => _core_validation_js__WEBPACK_IMPORTED_MODULE_9__/* .resultValidator */ .ou.is(r));
        console.log(`\nOutcome after ${seconds} s:`);
        for (const r of records.sort((a, b) => a.finished_at.localeCompare(b.finished_at))) {
            const output = (r.stdout || r.stderr).trim().split('\n')[0] ?? '';
            console.log(`  ${r.task_id.padEnd(15)} ${r.status.padEnd(8)} exit ${String(r.exit_code ?? '-').padEnd(4)} on ${r.node_id}  ${output.slice(0, 50)}`);
        }
        for (const r of reports)
            console.log(`  node ${r.nodeId}: completed ${r.completed}, failed ${r.failed}, pushes ${r.pushes}`);
        const completed = snapshot.of('completed').length;
        console.log(`\n${completed} completed, ${snapshot.of('failed').length} failed, ${snapshot.of('queue').length} still queued.`);
        console.log(`The grid is the bare repository ${gridPath}; look at its history with:\n  git -C ${gridPath} log --oneline --stat`);
        // The bare grid is read in place: its history is the dashboard's time series.
        const site = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'site');
        const dashboard = await (0,_dashboard_collect_js__WEBPACK_IMPORTED_MODULE_11__/* .collectDashboard */ .ZR)({
            path: gridPath,
            pathSetting: 'the demo grid',
            title: 'dgrid demo',
            branch: 'main',
        });
        await (0,_dashboard_render_js__WEBPACK_IMPORTED_MODULE_12__/* .renderSite */ .E)(dashboard, site);
        console.log(`The dashboard is ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(site, 'index.html')}`);
        return completed > 0 ? 0 : 1;
    },
};


/***/ }),

/***/ 7989:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ init)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var _core_grid_admin_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1079);
/* harmony import */ var _core_status_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6799);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4953);




const init = {
    name: 'init',
    summary: 'Make a repository a grid: add dgrid.json and the task folders. A local path that does not exist becomes a new bare repository.',
    usage: '[options]',
    options: {
        ..._command_js__WEBPACK_IMPORTED_MODULE_3__/* .gridOptions */ .nv,
        policy: { type: 'string', placeholder: 'FILE', description: 'start with this dgrid.json instead of the defaults' },
    },
    async run(values) {
        const repository = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.repository);
        const branch = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.branch);
        const policyText = values.policy ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.policy), 'utf8') : undefined;
        const remote = (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_1__/* .remoteUrl */ .gX)(repository);
        const token = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .envToken */ .Be)();
        const result = await (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_1__/* .initGrid */ .vq)({
            repository,
            branch,
            cacheDir: (0,_core_status_js__WEBPACK_IMPORTED_MODULE_2__/* .cacheDir */ .e8)(remote, branch, 'admin'),
            ...(policyText === undefined ? {} : { policyText }),
            ...(token ? { token } : {}),
        });
        console.log(result.created ? `created the grid in ${remote} (${branch})` : `${remote} (${branch}) is a grid`);
        return 0;
    },
};


/***/ }),

/***/ 9068:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x: () => (/* binding */ reap_reap)
});

// EXTERNAL MODULE: ./build/src/core/grid-admin.js
var grid_admin = __nccwpck_require__(1079);
// EXTERNAL MODULE: ./build/src/core/log.js
var log = __nccwpck_require__(5491);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./build/src/core/errors.js
var errors = __nccwpck_require__(3026);
// EXTERNAL MODULE: ./build/src/core/git/store.js
var git_store = __nccwpck_require__(475);
// EXTERNAL MODULE: ./build/src/core/grid.js
var core_grid = __nccwpck_require__(5865);
// EXTERNAL MODULE: ./build/src/core/layout.js
var layout = __nccwpck_require__(2879);
// EXTERNAL MODULE: ./build/src/core/transaction.js
var transaction = __nccwpck_require__(2901);
;// CONCATENATED MODULE: ./build/src/core/archive.js
// Retention: day folders of results older than the policy's retention.days move to the branch
// <branch>-archive, so the grid's tip, which every node fetches and lists, holds only recent days.
//
// A day folder moves whole, by its tree id: one commit on the archive branch places the tree under
// tasks/<state>/<year>/<day> (pushed first), then one commit on the grid branch removes the folder, its
// message carrying the trailer `Archived-To: <archive commit>`. Nothing leaves history: the archive
// commit's objects are the grid's own, and a reader that needs every task ever (an audit, a check that a
// task id is new) reads the archive branch too, or follows the trailers through the grid's history.
// A folder leaves the grid only if the archive commit holds every file of it as it is at the tip, so two
// reapers at once, or a result landing in an old day meanwhile, never lose a record.





const DAY_MS = 24 * 60 * 60 * 1000;
async function archiveResults(grid, options) {
    const tip = await grid.fetch();
    const policy = await (await core_grid/* GridSnapshot */.T.load(grid, tip, { states: [] })).policy();
    // A day folder goes once its last second is older than the retention period.
    const cutoff = new Date(options.now.getTime() - policy.retention.days * DAY_MS).toISOString().slice(0, 10);
    const days = await oldDays(grid, tip, cutoff);
    const branch = (0,layout/* archiveBranch */.zb)(grid.branch);
    const action = (d) => ({
        action: 'archive',
        subject: d.entry.path,
        reason: `older than retention.days (${policy.retention.days}); moves to ${branch}:${(0,layout/* archivedDayPath */.Qf)(d.state, d.day)}`,
    });
    if (days.length === 0 || options.dryRun)
        return { actions: days.map(action), commits: [], rejectedPushes: 0 };
    const archive = await git_store/* GridStore */.g.open({ ...grid.options, branch });
    await startArchive(archive, grid.branch, options.author);
    const copied = await (0,transaction/* transact */.h)(archive, async (snapshot) => ({
        changes: (await Promise.all(days.map((d) => missingFromArchive(archive, snapshot.tip, d)))).flat(),
        message: `dgrid: archive ${days.length} day folder(s) of ${grid.branch} at ${tip}\n`,
        value: snapshot.tip,
    }), { author: options.author, states: [] });
    const holder = copied.commit ?? copied.value;
    const removed = await (0,transaction/* transact */.h)(grid, async (snapshot) => {
        const held = [];
        for (const d of await oldDays(grid, snapshot.tip, cutoff)) {
            if ((await missingFromArchive(grid, holder, d)).length === 0)
                held.push(d);
        }
        return {
            changes: held.map((d) => ({ path: d.entry.path, delete: true })),
            message: `dgrid: archive ${held.length} day folder(s) older than ${policy.retention.days} day(s)\n\nArchived-To: ${holder}\n`,
            value: held,
        };
    }, { author: options.author, states: [] });
    return {
        actions: removed.commit ? removed.value.map(action) : [],
        commits: [copied.commit, removed.commit].filter((c) => c !== null),
        rejectedPushes: copied.rejectedPushes + removed.rejectedPushes,
    };
}
async function oldDays(store, commit, cutoff) {
    const states = ['completed', 'failed'];
    const entries = await store.list(commit, states.map((s) => `${(0,layout/* lifecycleDir */.uP)(s)}/`), false);
    const days = [];
    for (const entry of entries) {
        const [, state, day] = entry.path.split('/');
        if (entry.type === 'tree' && layout/* DAY_FOLDER */.iV.test(day) && day < cutoff)
            days.push({ state, day, entry });
    }
    return days;
}
/**
 * What the archive commit lacks of a day folder: nothing when it holds the same tree, the whole tree when
 * it has no such day, and otherwise the files that are new or differ (a day archived before that has
 * gained results since, from a node whose clock is far behind).
 */
async function missingFromArchive(store, archive, d) {
    const target = (0,layout/* archivedDayPath */.Qf)(d.state, d.day);
    const [held] = archive ? await store.list(archive, [target], false) : [];
    if (!held)
        return [{ path: target, existing: d.entry }];
    if (held.sha === d.entry.sha)
        return [];
    const have = new Map((await store.list(held.sha, [])).map((e) => [e.path, e.sha]));
    const files = await store.list(d.entry.sha, []);
    return files.filter((f) => have.get(f.path) !== f.sha).map((f) => ({ path: `${target}/${f.path}`, existing: f }));
}
/** The archive branch begins with a commit of its own; a reaper that loses the race to create it uses the winner's. */
async function startArchive(archive, gridBranch, author) {
    if ((await archive.fetch()) !== null)
        return;
    const readme = `# Archive of the grid branch ${gridBranch}\n\n` +
        "Results that dgrid reap-orphans moved out of the grid once older than the policy's retention.days, " +
        'as tasks/<state>/<year>/<day>/<xx>/<task_id>.json. Each grid commit that removed a day folder names ' +
        'the archive commit holding it in its `Archived-To:` trailer.\n';
    const root = await archive.commit(null, [{ path: 'README.md', content: readme }], `dgrid: start the archive of ${gridBranch}\n`, author);
    if ((await archive.push(root)) === 'rejected' && (await archive.fetch()) === null) {
        throw new errors/* UserError */.y(`${archive.options.remote} refused the new branch "${archive.branch}": let the token create it, or create it by hand`);
    }
}

// EXTERNAL MODULE: ./build/src/core/lifecycle.js
var lifecycle = __nccwpck_require__(8125);
// EXTERNAL MODULE: ./build/src/core/validation.js
var validation = __nccwpck_require__(3478);
;// CONCATENATED MODULE: ./build/src/core/reaper.js
// The reaper: hands the claims of dead nodes back to the queue, marks silent nodes offline, and moves old
// results to the archive branch. It runs on a schedule (reap-orphans) or by hand (dgrid reap). Any number
// may run at once, beside working nodes: each change is one commit computed from the tip and pushed
// without force, and a rejected push recomputes it from the new tip, so an orphan is requeued once.
//
// The orphan rule. A node is silent when its last heartbeat is older than node-timeout + grace. A claim is
// orphaned when
//   - its node is silent (whatever the lease says: a dead node finishes nothing), or
//   - its lease has expired (lease_until = claimed_at + timeout + grace) and its node, though alive, no
//     longer lists the task in `tasks`, or
//   - its lease has expired and its node has no readable node file.
// So a long task of a healthy node is never reaped: the node's heartbeat, which lists the tasks it runs,
// keeps the lease alive. A node that was reaped and wakes up cannot replace the newer attempt's result:
// nodes write a result only while the claim at the tip holds their token (fencing).
//
// Clock skew. Heartbeats, claimed_at and lease_until are written by the nodes' clocks and read by the
// reaper's. The policy's lease.grace_seconds is the bound on how far apart those clocks may be: it is in
// every lease and is added to the node timeout, so a node whose clock is up to grace_seconds behind is not
// declared dead early.











const reaper_DAY_MS = 24 * 60 * 60 * 1000;
async function reap(settings, log) {
    // A cache of its own per run: concurrent reapers on one machine must not share a repository, and
    // archiving keeps the tip small, so a fresh shallow fetch is cheap.
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'dgrid-reap-'));
    try {
        const store = await git_store/* GridStore */.g.open({
            remote: settings.remote,
            branch: settings.branch,
            dir,
            ...(settings.token ? { token: settings.token } : {}),
        });
        // A name of its own per run: two reapers making the same change in the same second would otherwise build
        // the very same commit, and both would count it as theirs.
        const author = `dgrid-reaper-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
        const swept = await (0,transaction/* transact */.h)(store, (snapshot) => planReap(snapshot, settings, new Date(), log), {
            author,
            states: ['queue', 'in_progress'],
            dryRun: settings.dryRun,
        });
        const archived = await archiveResults(store, { author, dryRun: settings.dryRun, now: new Date() });
        const actions = [...(swept.value ?? []), ...archived.actions];
        const count = (action) => actions.filter((a) => a.action === action).length;
        return {
            dryRun: settings.dryRun,
            requeued: count('requeue'),
            failed: count('fail'),
            nodesOffline: count('offline'),
            actions,
            commits: [swept.commit, ...archived.commits].filter((c) => c !== null),
            rejectedPushes: swept.rejectedPushes + archived.rejectedPushes,
        };
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
async function planReap(snapshot, settings, now, log) {
    const policy = await snapshot.policy();
    const nodeTimeout = settings.nodeTimeoutSeconds ?? policy.lease.node_timeout_seconds;
    if (nodeTimeout <= policy.lease.heartbeat_seconds) {
        throw new errors/* UserError */.y(`node timeout ${nodeTimeout} s is not longer than this grid's heartbeat interval ` +
            `(lease.heartbeat_seconds ${policy.lease.heartbeat_seconds}), so healthy nodes would be declared dead: give a longer one`);
    }
    const silentAfterMs = (nodeTimeout + policy.lease.grace_seconds) * 1000;
    const nodes = new Map();
    for (const node of await snapshot.nodes())
        if (validation/* nodeValidator */.HF.is(node))
            nodes.set(node.node_id, node);
    const silent = (node) => silence(node, now) > silentAfterMs;
    const changes = [];
    const actions = [];
    for (const [file, value] of await snapshot.readJson(snapshot.of('in_progress'))) {
        // A duplicated id is for the audit to explain; moving it could overwrite the other copy.
        if (snapshot.byId.get(file.id).length > 1)
            continue;
        if (!validation/* claimValidator */.Rf.is(value)) {
            log.warn(`${file.entry.path} is not a valid claim; left for a person to fix`);
            continue;
        }
        const why = orphanReason(value, nodes.get(value.claim.node_id), now, silent);
        if (!why)
            continue;
        const max = (0,lifecycle/* maxAttempts */.F3)(value, policy);
        if ((0,lifecycle/* attemptsUsed */.id)(value) + 1 >= max) {
            const reason = `all ${max} attempt(s) are used up; the last was orphaned: ${why}`;
            changes.push(...(0,lifecycle/* exhaustClaim */.JF)(file.entry.path, value, reason, now));
            actions.push({ action: 'fail', subject: value.task_id, reason });
        }
        else {
            changes.push(...(0,lifecycle/* requeueClaim */.d4)(file.entry.path, value, 'orphaned', why, now).changes);
            actions.push({ action: 'requeue', subject: value.task_id, reason: why });
        }
    }
    for (const node of nodes.values()) {
        if (!silent(node))
            continue;
        const days = policy.retention.offline_node_days;
        if (silence(node, now) > days * reaper_DAY_MS) {
            changes.push({ path: (0,layout/* nodePath */.Ie)(node.node_id), delete: true });
            const reason = `no heartbeat since ${node.last_heartbeat}, over retention.offline_node_days (${days})`;
            actions.push({ action: 'remove-node', subject: node.node_id, reason });
        }
        else if (node.status !== 'offline') {
            // Its claims are requeued in this same commit, so it runs nothing any more.
            changes.push((0,lifecycle/* nodeChange */.Rw)({ ...node, status: 'offline', tasks: [] }));
            const reason = `no heartbeat since ${node.last_heartbeat} (node timeout ${nodeTimeout} s + grace ${policy.lease.grace_seconds} s)`;
            actions.push({ action: 'offline', subject: node.node_id, reason });
        }
    }
    return { changes, message: commitMessage(actions), value: actions };
}
/** Why a claim is orphaned under the rule at the top of this file; undefined while it is alive. */
function orphanReason(claim, node, now, silent) {
    const { node_id: nodeId, lease_until: leaseUntil } = claim.claim;
    if (node && silent(node))
        return `node ${nodeId} is silent since ${node.last_heartbeat}`;
    if (now.getTime() <= Date.parse(leaseUntil))
        return undefined;
    if (!node)
        return `lease expired at ${leaseUntil} and node ${nodeId} has no readable node file`;
    if (!node.tasks.includes(claim.task_id))
        return `lease expired at ${leaseUntil} and node ${nodeId} no longer runs it`;
    return undefined;
}
function silence(node, now) {
    return now.getTime() - Date.parse(node.last_heartbeat);
}
/** The history is the audit log: the subject counts, the body says what happened to whom and why. */
function commitMessage(actions) {
    const counts = new Map();
    for (const a of actions)
        counts.set(a.action, (counts.get(a.action) ?? 0) + 1);
    const subject = [...counts].map(([action, n]) => `${action} ${n}`).join(', ');
    return `dgrid: reap: ${subject}\n\n${actions.map((a) => `${a.action} ${a.subject}: ${a.reason}`).join('\n')}\n`;
}

// EXTERNAL MODULE: ./build/src/cli/command.js
var command = __nccwpck_require__(4953);
;// CONCATENATED MODULE: ./build/src/cli/commands/reap.js




const reap_reap = {
    name: 'reap',
    summary: 'Requeue tasks whose node died, mark silent nodes offline, archive old results. ' +
        'Orphans out of attempts go to failed/; results older than retention.days move to the <branch>-archive branch.',
    usage: '[options]',
    options: {
        ...command/* gridOptions */.nv,
        'node-timeout-seconds': {
            type: 'string',
            placeholder: 'N',
            description: "a node silent this long is dead (default: the policy's lease.node_timeout_seconds)",
        },
        'dry-run': { type: 'boolean', default: false, description: 'show what would be done, push nothing' },
        ...command/* jsonOption */.Ec,
    },
    async run(values) {
        const token = (0,command/* envToken */.Be)();
        const timeout = values['node-timeout-seconds'];
        const report = await reap({
            remote: (0,grid_admin/* remoteUrl */.gX)((0,command/* str */.gx)(values.repository)),
            branch: (0,command/* str */.gx)(values.branch),
            ...(token ? { token } : {}),
            ...(timeout === undefined ? {} : { nodeTimeoutSeconds: (0,command/* num */.bu)('node-timeout-seconds', timeout, 1) }),
            dryRun: Boolean(values['dry-run']),
        }, (0,log/* consoleLog */.a)());
        if (values.json) {
            console.log(JSON.stringify(report, null, 2));
            return 0;
        }
        for (const a of report.actions)
            console.log(`${a.action} ${a.subject}: ${a.reason}`);
        console.log(`${report.dryRun ? 'dry run, nothing pushed: would have ' : ''}requeued ${report.requeued}, failed ${report.failed}, ` +
            `marked ${report.nodesOffline} node(s) offline`);
        return 0;
    },
};


/***/ }),

/***/ 5631:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ render)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var _core_log_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5491);
/* harmony import */ var _dashboard_collect_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9968);
/* harmony import */ var _dashboard_render_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5370);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4953);





const render = {
    name: 'render',
    summary: 'Render the status dashboard of a grid checkout as a static site. It shows the counts, charts drawn from the ' +
        'git history, every task and node, and a form to submit tasks.',
    usage: '[options]',
    options: {
        path: {
            type: 'string',
            default: '.',
            placeholder: 'DIR',
            description: 'a clone of the grid, with its history for the charts (default: the current directory)',
        },
        'output-dir': {
            type: 'string',
            default: 'docs',
            placeholder: 'DIR',
            description: 'where to write the site (default: docs)',
        },
        title: { type: 'string', default: 'dgrid', placeholder: 'TEXT', description: 'the page title (default: dgrid)' },
        'repository-url': {
            type: 'string',
            placeholder: 'URL',
            description: "the grid's https URL, for links to task files and the submit form",
        },
        branch: {
            type: 'string',
            default: 'main',
            placeholder: 'NAME',
            description: 'the grid branch, for those links (default: main)',
        },
        ..._command_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonOption */ .Ec,
    },
    async run(values) {
        const repositoryUrl = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(values['repository-url']);
        if (repositoryUrl)
            (0,_dashboard_collect_js__WEBPACK_IMPORTED_MODULE_2__/* .checkRepositoryUrl */ .OQ)(repositoryUrl, '--repository-url');
        const input = await (0,_dashboard_collect_js__WEBPACK_IMPORTED_MODULE_2__/* .collectDashboard */ .ZR)({
            path: (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(values.path),
            pathSetting: '--path',
            title: (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(values.title),
            branch: (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(values.branch),
            ...(repositoryUrl ? { repositoryUrl } : {}),
            log: (0,_core_log_js__WEBPACK_IMPORTED_MODULE_1__/* .consoleLog */ .a)(),
        });
        const outputDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)((0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(values['output-dir']));
        const summary = await (0,_dashboard_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderSite */ .E)(input, outputDir);
        const c = summary.counts;
        const index = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(outputDir, 'index.html');
        if (values.json) {
            console.log(JSON.stringify({
                index,
                counts: {
                    queued: c.queued,
                    in_progress: c.inProgress,
                    completed: c.completed,
                    failed: c.failed,
                    nodes_online: c.nodesOnline,
                },
                recommended_workers: summary.recommendedWorkers,
                recommendation_reason: summary.recommendationReason,
                history_points: input.history.length,
            }, null, 2));
            return 0;
        }
        console.log(`queued ${c.queued}  in progress ${c.inProgress}  completed ${c.completed}  failed ${c.failed}  ` +
            `nodes online ${c.nodesOnline}  recommended workers ${summary.recommendedWorkers}`);
        console.log(`Dashboard: ${index}`);
        return 0;
    },
};


/***/ }),

/***/ 1610:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ sign)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3026);
/* harmony import */ var _core_ssh_signature_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3860);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4953);




const sign = {
    name: 'sign',
    summary: 'Sign task files with an SSH key (ssh-keygen -Y sign, namespace dgrid-task), for grids whose policy requires ' +
        'signed tasks. Sign after the last edit: any change to the task voids the signature.',
    usage: '--key KEY TASK.json [...]',
    options: {
        key: {
            type: 'string',
            short: 'k',
            placeholder: 'KEY',
            description: 'a private key, or a public key whose private half is in ssh-agent (e.g. ~/.ssh/id_ed25519)',
        },
    },
    async run(values, files) {
        // "--key=~/..." reaches us unexpanded by the shell.
        const key = (0,_command_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(values.key).replace(/^~(?=\/|$)/, (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)());
        if (!key)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('give the signing key with --key, e.g. --key ~/.ssh/id_ed25519');
        if (files.length === 0)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('give the task files to sign');
        for (const file of files) {
            await (0,_core_ssh_signature_js__WEBPACK_IMPORTED_MODULE_1__/* .signTaskFile */ .H_)(file, key);
            console.log(`signed ${file}`);
        }
        return 0;
    },
};


/***/ }),

/***/ 2541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ status)
/* harmony export */ });
/* harmony import */ var _core_grid_admin_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1079);
/* harmony import */ var _core_git_store_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(475);
/* harmony import */ var _core_status_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6799);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4953);




const status = {
    name: 'status',
    summary: 'Show how many tasks are in each folder of the grid, and its nodes.',
    usage: '[options]',
    options: { ..._command_js__WEBPACK_IMPORTED_MODULE_3__/* .gridOptions */ .nv, ..._command_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonOption */ .Ec },
    async run(values) {
        const remote = (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_0__/* .remoteUrl */ .gX)((0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.repository));
        const branch = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(values.branch);
        const token = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .envToken */ .Be)();
        const store = await _core_git_store_js__WEBPACK_IMPORTED_MODULE_1__/* .GridStore */ .g.open({
            remote,
            branch,
            dir: (0,_core_status_js__WEBPACK_IMPORTED_MODULE_2__/* .cacheDir */ .e8)(remote, branch, 'read'),
            ...(token ? { token } : {}),
        });
        const status = await (0,_core_status_js__WEBPACK_IMPORTED_MODULE_2__/* .readStatus */ .rk)(store);
        if (values.json) {
            console.log(JSON.stringify(status, null, 2));
            return 0;
        }
        const c = status.counts;
        console.log(`${remote} (${branch}) at ${status.tip?.slice(0, 12) ?? 'no commit'}`);
        console.log(`queued ${c.queue}  in progress ${c.in_progress}  completed ${c.completed}  failed ${c.failed}`);
        for (const task of status.unrunnable) {
            console.log(`no online node can run ${task.task_id}: it requires ${task.requires.join(', ')}`);
        }
        for (const node of status.nodes) {
            console.log(`node ${node.node_id}: ${node.status}, last heartbeat ${node.last_heartbeat}, running ${node.tasks.length}/${node.slots}, ` +
                `completed ${node.completed}, failed ${node.failed}`);
        }
        return 0;
    },
};


/***/ }),

/***/ 1743:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ submit)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3026);
/* harmony import */ var _core_grid_admin_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1079);
/* harmony import */ var _core_git_store_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(475);
/* harmony import */ var _core_status_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6799);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4953);







const submit = {
    name: 'submit',
    summary: 'Add tasks to the queue by a direct commit (for grids you can push to; on GitHub, open a pull request instead). ' +
        'Give task files, or --script for a one-off task.',
    usage: '[options] [TASK.json ...]',
    options: {
        ..._command_js__WEBPACK_IMPORTED_MODULE_5__/* .gridOptions */ .nv,
        script: { type: 'string', placeholder: 'SCRIPT', description: 'the script of a one-off task' },
        'task-id': { type: 'string', placeholder: 'ID', description: 'its id (default: task-<time>)' },
        timeout: { type: 'string', placeholder: 'SECONDS', description: 'its timeout_seconds' },
        priority: { type: 'string', placeholder: 'high|normal|low', description: 'its priority' },
        ..._command_js__WEBPACK_IMPORTED_MODULE_5__/* .jsonOption */ .Ec,
    },
    async run(values, files) {
        const tasks = [];
        for (const file of files) {
            let value;
            try {
                value = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
            }
            catch (error) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y(`${file}: ${error.message}`);
            }
            const task = value;
            if (typeof task === 'object' && task && task.task_id !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file, '.json')) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y(`${file}: task_id "${String(task.task_id)}" must equal the file name without .json`);
            }
            tasks.push(task);
        }
        if (values.script !== undefined) {
            tasks.push({
                task_id: (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(values['task-id']) || `task-${Date.now()}`,
                script: (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(values.script),
                ...(values.timeout === undefined ? {} : { timeout_seconds: (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .num */ .bu)('timeout', values.timeout, 1) }),
                ...(values.priority === undefined ? {} : { priority: (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(values.priority) }),
            });
        }
        if (tasks.length === 0)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y('nothing to submit: give task files or --script');
        const remote = (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_2__/* .remoteUrl */ .gX)((0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(values.repository));
        const branch = (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(values.branch);
        const token = (0,_command_js__WEBPACK_IMPORTED_MODULE_5__/* .envToken */ .Be)();
        const store = await _core_git_store_js__WEBPACK_IMPORTED_MODULE_3__/* .GridStore */ .g.open({
            remote,
            branch,
            dir: (0,_core_status_js__WEBPACK_IMPORTED_MODULE_4__/* .cacheDir */ .e8)(remote, branch, 'admin'),
            ...(token ? { token } : {}),
        });
        const commit = await (0,_core_grid_admin_js__WEBPACK_IMPORTED_MODULE_2__/* .submitTasks */ .Hj)(store, tasks);
        const ids = tasks.map((t) => t.task_id);
        if (values.json)
            console.log(JSON.stringify({ commit, task_ids: ids }));
        else
            console.log(`queued ${ids.join(', ')} (${commit.slice(0, 12)})`);
        return 0;
    },
};


/***/ }),

/***/ 8776:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  t: () => (/* binding */ validate)
});

// EXTERNAL MODULE: ./build/src/core/errors.js
var errors = __nccwpck_require__(3026);
// EXTERNAL MODULE: ./build/src/core/layout.js
var layout = __nccwpck_require__(2879);
;// CONCATENATED MODULE: ./build/src/core/printable.js
// Text that came from a pull request (file names, and keys or values that messages quote) goes through
// printable() before it reaches a log. On a GitHub runner a line that starts with "::" is a workflow command
// (::set-output, ::error, ::stop-commands), so a line break or a "::" in that text could forge one; in a
// terminal, control characters could rewrite what is shown.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** The text on one line, control characters written as escapes and every "::" broken by a zero-width space. */
function printable(text) {
    return text
        .replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/:(?=:)/g, ':\u200b');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./build/src/core/git/runner.js
var runner = __nccwpck_require__(1482);
// EXTERNAL MODULE: ./build/src/core/git/store.js
var store = __nccwpck_require__(475);
// EXTERNAL MODULE: ./build/src/core/strict-json.js + 2 modules
var strict_json = __nccwpck_require__(1577);
// EXTERNAL MODULE: ./build/src/core/validation.js
var validation = __nccwpck_require__(3478);
// EXTERNAL MODULE: ./build/src/core/grid.js
var grid = __nccwpck_require__(5865);
// EXTERNAL MODULE: ./build/src/core/policy.js
var policy = __nccwpck_require__(1303);
// EXTERNAL MODULE: ./build/src/core/task-file.js
var task_file = __nccwpck_require__(2651);
;// CONCATENATED MODULE: ./build/src/core/task-check.js
// Checking a set of task files against a grid: each file on its own (task-file.ts), then what only the set
// and the grid can tell: ids already taken, dependencies that name nothing or go round in a cycle, quotas.
// validate-task and `dgrid validate` both report what this finds.






async function loadGridState(store, commit, policyPath) {
    const snapshot = await grid/* GridSnapshot */.T.load(store, commit);
    const queuedDependencies = new Map();
    for (const [file, value] of await snapshot.readJson(snapshot.of('queue'))) {
        // Read leniently: a broken file at the base is the workers' to refuse, not this submission's problem.
        const dependsOn = value?.depends_on;
        if (Array.isArray(dependsOn))
            queuedDependencies.set(file.id, dependsOn.filter(isString));
    }
    return { snapshot, policy: await readPolicy(store, commit, policyPath), queuedDependencies };
}
async function readPolicy(store, commit, path) {
    const entry = commit === null ? undefined : (await store.list(commit, [path])).find((e) => e.path === path);
    if (!entry && path !== layout/* POLICY_FILE */.CX) {
        throw new errors/* UserError */.y(`the policy file ${path} is not in commit ${commit ?? '(none)'}: give the path of the grid's policy file, or leave it out to use dgrid.json`);
    }
    const text = entry ? (await store.readOne(entry.sha)).toString('utf8') : undefined;
    return (0,policy/* parsePolicy */.ON)(text, path);
}
/** Candidates for tree entries, reading the content of those whose entry passes. */
async function treeCandidates(store, entries) {
    const candidates = entries.map((entry) => candidate(entry.path, entry));
    const readable = candidates.filter((c) => (0,task_file/* entryProblem */.qH)(c.file) === undefined).map((c) => c.file.entry.sha);
    const blobs = await store.read(readable);
    return candidates.map((c) => ({ ...c, blob: blobs.get(c.file.entry.sha) }));
}
const isString = (value) => typeof value === 'string';
function candidate(path, entry, blob) {
    return { path, file: { id: external_node_path_.posix.basename(entry.path, '.json'), state: 'queue', entry }, blob };
}
/** Every problem of each file, on its own and together with the others and the grid. */
function checkTasks(candidates, grid, kind) {
    const checked = candidates.map((c) => {
        const entryIssue = (0,task_file/* entryProblem */.qH)(c.file);
        if (entryIssue)
            return { candidate: c, check: { problems: [{ message: entryIssue }] } };
        if (!c.blob)
            return { candidate: c, check: { problems: [{ message: 'the file could not be read' }] } };
        return { candidate: c, check: (0,task_file/* contentProblems */.Y)(c.file, c.blob, grid.policy, kind) };
    });
    const tasks = checked.flatMap(({ candidate, check }) => {
        const { task, locate } = check;
        if (!task || !locate)
            return [];
        const at = (pointer, message) => check.problems.push({ message, ...locate(pointer) });
        return [{ candidate, task, at }];
    });
    idProblems(tasks, candidates, grid);
    dependencyProblems(tasks, candidates, grid);
    return checked.map(({ candidate, check }) => ({
        path: candidate.path,
        ...((0,task_file/* entryProblem */.qH)(candidate.file) === undefined ? { taskId: candidate.file.id } : {}),
        problems: check.problems.sort(byPlace),
    }));
}
/** In reading order, problems of the whole file first. */
function byPlace(a, b) {
    return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
// Ids are compared ignoring case: "Build" and "build" would be one file on macOS and Windows checkouts.
function idProblems(tasks, candidates, grid) {
    const own = new Set(candidates.map((c) => c.file.entry.path));
    const taken = new Map();
    for (const [id, files] of grid.snapshot.byId) {
        const paths = files.map((f) => f.entry.path).filter((path) => !own.has(path));
        if (paths.length > 0)
            taken.set(id.toLowerCase(), [...(taken.get(id.toLowerCase()) ?? []), ...paths]);
    }
    const byKey = new Map();
    for (const t of tasks) {
        const key = t.task.task_id.toLowerCase();
        byKey.set(key, [...(byKey.get(key) ?? []), t]);
    }
    for (const t of tasks) {
        const key = t.task.task_id.toLowerCase();
        const [usedBy] = taken.get(key) ?? [];
        if (usedBy)
            t.at('/task_id', `task id "${t.task.task_id}" is already used by ${usedBy}: choose another task_id`);
        const twin = byKey.get(key).find((other) => other !== t);
        if (twin) {
            t.at('/task_id', `task id "${t.task.task_id}" is also the id of ${twin.candidate.path} among the files checked ` +
                '(ids that differ only in letter case collide on some file systems): choose another task_id');
        }
    }
}
function dependencyProblems(tasks, candidates, grid) {
    const known = new Set([...grid.snapshot.byId.keys(), ...candidates.map((c) => c.file.id)]);
    const graph = new Map(grid.queuedDependencies);
    for (const t of tasks)
        graph.set(t.task.task_id, t.task.depends_on ?? []);
    for (const t of tasks) {
        const dependsOn = t.task.depends_on ?? [];
        dependsOn.forEach((id, index) => {
            if (!known.has(id)) {
                t.at(`/depends_on/${index}`, `depends_on names "${id}", but there is no such task in the grid or among the files checked: submit it first, or remove it`);
            }
        });
        const cycle = findCycle(graph, t.task.task_id);
        if (cycle) {
            t.at(`/depends_on/${dependsOn.indexOf(cycle[1])}`, `depends_on makes a cycle (${cycle.join(' → ')}), so none of these tasks could ever run: remove one of the dependencies`);
        }
    }
}
/** The shortest way from start back to itself, as ids from start to start; undefined when there is none. */
function findCycle(graph, start) {
    const cameFrom = new Map();
    const queue = [start];
    for (let next = 0; next < queue.length; next++) {
        const id = queue[next];
        for (const dependency of graph.get(id) ?? []) {
            if (dependency === start) {
                const path = [start];
                for (let at = id; at !== start; at = cameFrom.get(at))
                    path.unshift(at);
                return [start, ...path];
            }
            if (!cameFrom.has(dependency)) {
                cameFrom.set(dependency, id);
                queue.push(dependency);
            }
        }
    }
    return undefined;
}
/** What the policy's quotas say of a submission as a whole. */
function quotaProblems(use, policy) {
    const { tasks_per_pull_request: perPullRequest, max_queued: maxQueued, queued_per_submitter: perSubmitter, } = policy.quotas;
    const problems = [];
    if (use.added > perPullRequest) {
        problems.push(`this pull request adds ${use.added} tasks; this grid accepts at most ${perPullRequest} per pull request ` +
            '(quotas.tasks_per_pull_request): split it into smaller pull requests');
    }
    if (use.queued + use.added > maxQueued) {
        problems.push(`the queue would hold ${use.queued + use.added} tasks; this grid allows at most ${maxQueued} ` +
            '(quotas.max_queued): submit fewer tasks, or wait until workers have taken some');
    }
    const submitter = use.submitter;
    if (submitter && submitter.queued + use.added > perSubmitter) {
        problems.push(`${submitter.login} would have ${submitter.queued + use.added} tasks queued; this grid allows at most ` +
            `${perSubmitter} per submitter (quotas.queued_per_submitter): submit fewer tasks, or wait until some of yours have run`);
    }
    return problems;
}

;// CONCATENATED MODULE: ./build/src/core/validate.js
// Validation of task files in a checkout of a grid, as validate-task and `dgrid validate` run it: the changes
// of a pull request (read from git objects only, never from the working tree a pull request could shape),
// files on disk, or the whole queue.










function verdictOf(report) {
    const invalid = report.files.filter((f) => f.problems.length > 0).length;
    return {
        valid: invalid === 0 && report.problems.length === 0,
        checked: report.files.length,
        invalid,
        taskIds: report.files.flatMap((f) => (f.taskId !== undefined && f.problems.length === 0 ? [f.taskId] : [])),
    };
}
const QUEUE_DIR = (0,layout/* lifecycleDir */.uP)('queue');
const QUEUE_FILE = /^tasks\/queue\/[^/]+$/;
const CANCEL_FILE = /^tasks\/cancel\/[^/]+$/;
/**
 * The changes of a pull request from base to head. The only change a submitter may make is adding files
 * tasks/queue/<task_id>.json; quotas and the policy come from the base, which the pull request cannot change.
 */
async function validatePullRequest(options) {
    const { store } = await openCheckout(options.path);
    const base = await commitOf(store, options.base, 'base');
    const head = await commitOf(store, options.head, 'head');
    const grid = await loadGridState(store, base, options.policyPath);
    const refused = [];
    const added = new Set();
    const cancels = new Set();
    for (const change of await changes(store, base, head)) {
        if (change.status === 'A' && CANCEL_FILE.test(change.path)) {
            cancels.add(change.path);
            continue;
        }
        const problem = changeProblem(change, options.policyPath);
        if (problem)
            refused.push({ path: change.path, problems: [{ message: problem }] });
        else
            added.add(change.path);
    }
    const entries = (await store.list(head, [QUEUE_DIR])).filter((e) => added.has(e.path));
    const checked = checkTasks(await treeCandidates(store, entries), grid, 'submission');
    if (cancels.size > 0) {
        const requests = (await store.list(head, [layout/* CANCEL_DIR */.Nd])).filter((e) => cancels.has(e.path));
        const submitted = options.author ? await submittedBy(store, base, options.author) : new Map();
        refused.push(...(await checkCancels(store, requests, grid.snapshot, submitted, options.author)));
    }
    const queued = grid.snapshot.of('queue');
    const use = { added: entries.length, queued: queued.length };
    // Attribution reads the history of the queue: only worth it when the quota could be exceeded at all.
    const mayExceed = queued.length + entries.length > grid.policy.quotas.queued_per_submitter;
    const { author } = options;
    const submitter = author && mayExceed ? { login: author, queued: await queuedBy(store, base, author, queued) } : undefined;
    return {
        files: [...checked, ...refused].sort((a, b) => (a.path < b.path ? -1 : 1)),
        problems: quotaProblems(submitter ? { ...use, submitter } : use, grid.policy),
    };
}
/** Task files on disk (drafts, or files outside a pull request), against the grid at the checkout's HEAD. */
async function validateFiles(options) {
    const { top, store } = await openCheckout(options.path);
    const grid = await loadGridState(store, await store.resolve('HEAD'), options.policyPath);
    const candidates = [];
    for (const file of options.files)
        candidates.push(await diskCandidate(top, file));
    return { files: checkTasks(candidates, grid, 'submission'), problems: [] };
}
/** Every file in the queue at the checkout's HEAD, as workers would read it. */
async function validateQueue(options) {
    const { store } = await openCheckout(options.path);
    const grid = await loadGridState(store, await store.resolve('HEAD'), options.policyPath);
    const candidates = await treeCandidates(store, grid.snapshot.of('queue').map((f) => f.entry));
    return { files: checkTasks(candidates, grid, 'queued'), problems: [] };
}
async function openCheckout(path) {
    try {
        // Checked first, because git cannot even start in a folder that does not exist.
        if ((await (0,promises_.stat)(path)).isDirectory())
            return { top: await (0,promises_.realpath)(path), store: await store/* GridStore */.g.local(path) };
    }
    catch (error) {
        if (!(error instanceof runner/* GitError */.XS) && error.code !== 'ENOENT')
            throw error;
    }
    throw new errors/* UserError */.y(`${path} is not a git checkout: give the top folder of a clone of the grid repository`);
}
async function commitOf(store, revision, what) {
    const commit = await store.resolve(revision);
    if (commit === null) {
        throw new errors/* UserError */.y(`the ${what} commit ${revision} is not in the checkout: check out with fetch-depth: 0 so that both ends of the pull request are there`);
    }
    return commit;
}
async function changes(store, base, head) {
    // base...head: what the pull request changes since it forked, not what the base gained meanwhile.
    const out = await (0,runner/* git */.$Y)(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', `${base}...${head}`], {
        cwd: store.options.dir,
    });
    const fields = out.split('\0');
    const result = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        result.push({ status: fields[i].split(' ')[4].charAt(0), path: fields[i + 1] });
    }
    return result;
}
const VERBS = { A: 'adding', D: 'deleting', M: 'changing', T: 'changing the type of' };
function changeProblem({ status, path }, policyPath) {
    if (status === 'A' && QUEUE_FILE.test(path))
        return undefined;
    return `${VERBS[status] ?? 'changing'} ${path} is not allowed: ${refusal(status, path, policyPath)}`;
}
// The parts of the repository out of a submission's reach, by path prefix; the first match wins.
const OFF_LIMITS = [
    [`${QUEUE_DIR}/`, 'task files go directly in tasks/queue/, not in a sub-folder: move it there'],
    [`${layout/* CANCEL_DIR */.Nd}/`, 'a pull request may only add cancel requests tasks/cancel/<task_id>.json: remove this change'],
    ['tasks/', 'only dgrid moves tasks between the lifecycle folders: add new tasks to tasks/queue/'],
    ['nodes/', 'node files are written by worker nodes only: remove this change'],
    ['.github/', 'a task submission cannot change workflows or repository settings: remove this change'],
];
function refusal(status, path, policyPath) {
    if (QUEUE_FILE.test(path)) {
        return status === 'D'
            ? 'a queued task stays until a worker takes it; to cancel it, add tasks/cancel/<task_id>.json instead, and restore the file'
            : 'a queued task cannot be edited; leave it as it is and submit a new task with another task_id';
    }
    if (path === policyPath || path === layout/* POLICY_FILE */.CX) {
        return 'a task submission cannot change the grid policy: remove this change';
    }
    const area = OFF_LIMITS.find(([prefix]) => path.startsWith(prefix));
    return area?.[1] ?? 'a task submission only adds files tasks/queue/<task_id>.json: remove this change';
}
/**
 * How many of the queued files were submitted by `login`. Tasks record no submitter, so this asks the history:
 * a file counts when the commit that first added it on the base branch (following first parents, so a merge
 * counts as adding what it brings in) is a GitHub merge "Merge pull request #N from <login>/...", or was
 * authored as <login> (by name, or by the <id>+<login>@users.noreply.github.com address GitHub uses).
 */
async function queuedBy(store, base, login, queued) {
    const submitted = await submittedBy(store, base, login);
    return queued.filter((file) => submitted.get(file.entry.path)).length;
}
/** For each path ever added to the queue on the base branch, whether `login` submitted it (see queuedBy). */
async function submittedBy(store, base, login) {
    const out = await (0,runner/* git */.$Y)([
        'log',
        '--first-parent',
        '-m',
        '--diff-filter=A',
        '--name-only',
        '-z',
        '--format=%x1e%an%x1f%ae%x1f%s',
        base,
        '--',
        QUEUE_DIR,
    ], { cwd: store.options.dir });
    const submitted = new Map();
    // Newest first: a later record is an older commit, so the first submission of a path wins.
    for (const record of out.split('\x1e').slice(1)) {
        const end = record.indexOf('\0');
        const [name = '', email = '', subject = ''] = record.slice(0, end).split('\x1f');
        const theirs = isSubmitter(login, name, email, subject);
        for (const path of record
            .slice(end + 1)
            .replace(/^\n/, '')
            .split('\0')) {
            if (path)
                submitted.set(path, theirs);
        }
    }
    return submitted;
}
/**
 * Cancel requests in a pull request: a valid request for a task that is queued or running at the base, and
 * submitted by the pull request's author. Anyone else's task is for a maintainer (`dgrid cancel`).
 */
async function checkCancels(store, entries, snapshot, submitted, author) {
    const blobs = await store.read(entries.filter((e) => e.type === 'blob').map((e) => e.sha));
    return entries.map((entry) => {
        const id = (0,external_node_path_.basename)(entry.path, '.json');
        const problems = cancelProblems(entry, id, blobs.get(entry.sha), snapshot, submitted, author);
        // No taskId: a request names a task but is not one, so it stays out of the task-ids output.
        return { path: entry.path, problems };
    });
}
function cancelProblems(entry, id, blob, snapshot, submitted, author) {
    const entryIssue = (0,task_file/* entryProblem */.qH)({ id, state: 'queue', entry });
    if (entryIssue || !blob)
        return [{ message: entryIssue ?? 'the file could not be read' }];
    const parsed = (0,strict_json/* parseStrictJson */.RJ)(blob);
    if (!parsed.ok)
        return parsed.problems;
    const at = (pointer, message) => ({ message, ...parsed.locate(pointer) });
    const problems = validation/* cancelValidator */.lt.problems(parsed.value).map((p) => at(p.pointer, p.message));
    if (problems.length > 0)
        return problems;
    const request = parsed.value;
    if (request.task_id !== id) {
        return [at('/task_id', `task_id "${request.task_id}" does not match the file name "${id}.json": make them equal`)];
    }
    const state = snapshot.byId.get(id)?.[0]?.state;
    if (state !== 'queue' && state !== 'in_progress') {
        return [
            at('/task_id', `task ${id} is not queued or running${state ? ` (it is in ${state}/)` : ''}: nothing to cancel`),
        ];
    }
    if (!author || !submitted.get(`${QUEUE_DIR}/${id}.json`)) {
        return [
            at('/task_id', `only the submitter of ${id} may cancel it by pull request${author ? ` (not ${author})` : ''}: ask a maintainer to run "dgrid cancel ${id}"`),
        ];
    }
    return [];
}
function isSubmitter(login, name, email, subject) {
    const same = (value) => value?.toLowerCase() === login.toLowerCase();
    return (same(name) ||
        same(/^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email)?.[1]) ||
        same(/^Merge pull request #\d+ from ([^/\s]+)\//.exec(subject)?.[1]));
}
/** A file on disk as git would store it, so the same entry rules apply (no links, no executables). */
async function diskCandidate(top, file) {
    const stats = await (0,promises_.lstat)(file).catch(() => undefined);
    if (!stats)
        throw new errors/* UserError */.y(`${file}: no such file`);
    if (!stats.isFile() && !stats.isSymbolicLink())
        throw new errors/* UserError */.y(`${file} is not a file: give task files`);
    // Relative to the top of the checkout when inside it, so the file is not taken for a duplicate of itself.
    const real = (0,external_node_path_.join)(await (0,promises_.realpath)((0,external_node_path_.dirname)((0,external_node_path_.resolve)(file))), (0,external_node_path_.basename)(file));
    const inside = (0,external_node_path_.relative)(top, real);
    const path = inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside) ? file : inside.split(external_node_path_.sep).join('/');
    const mode = stats.isSymbolicLink() ? '120000' : stats.mode & 0o111 ? '100755' : '100644';
    const entry = { mode, type: 'blob', sha: '', size: stats.size, path };
    const unread = candidate(path, entry);
    return (0,task_file/* entryProblem */.qH)(unread.file) ? unread : candidate(path, entry, await (0,promises_.readFile)(file));
}

// EXTERNAL MODULE: ./build/src/cli/command.js
var command = __nccwpck_require__(4953);
;// CONCATENATED MODULE: ./build/src/cli/commands/validate.js





const validate = {
    name: 'validate',
    summary: 'Check task files against the schema, the grid and its policy, as validate-task does for pull requests. ' +
        'Give task files, or --base to check the changes from that commit to --head, or nothing to check the whole queue.',
    usage: '[options] [TASK.json ...]',
    options: {
        path: {
            type: 'string',
            default: '.',
            placeholder: 'DIR',
            description: 'the grid checkout (default: the current directory)',
        },
        policy: {
            type: 'string',
            default: layout/* POLICY_FILE */.CX,
            placeholder: 'FILE',
            description: 'the policy file in the checkout, read from the base commit (default: dgrid.json)',
        },
        base: {
            type: 'string',
            placeholder: 'REV',
            description: 'check what a pull request from this commit to --head changes',
        },
        head: {
            type: 'string',
            default: 'HEAD',
            placeholder: 'REV',
            description: 'the head of that range (default: HEAD)',
        },
        author: {
            type: 'string',
            placeholder: 'LOGIN',
            description: 'the GitHub login of the submitter, for quotas.queued_per_submitter',
        },
        ...command/* jsonOption */.Ec,
    },
    async run(values, files) {
        const path = (0,command/* str */.gx)(values.path);
        const policyPath = (0,command/* str */.gx)(values.policy);
        const base = (0,command/* str */.gx)(values.base);
        if (base && files.length > 0)
            throw new errors/* UserError */.y('give task files or --base, not both');
        const author = (0,command/* str */.gx)(values.author);
        let report;
        if (files.length > 0)
            report = await validateFiles({ path, policyPath, files });
        else if (base) {
            report = await validatePullRequest({
                path,
                policyPath,
                base,
                head: (0,command/* str */.gx)(values.head),
                ...(author ? { author } : {}),
            });
        }
        else
            report = await validateQueue({ path, policyPath });
        const verdict = verdictOf(report);
        if (values.json) {
            const { taskIds, ...counts } = verdict;
            console.log(JSON.stringify({ ...counts, task_ids: taskIds, ...report }, null, 2));
            return verdict.valid ? 0 : 1;
        }
        for (const problem of report.problems)
            console.log(printable(problem));
        for (const file of report.files) {
            for (const problem of file.problems) {
                const where = problem.line === undefined ? file.path : `${file.path}:${problem.line}:${problem.column}`;
                console.log(printable(`${where}: ${problem.message}`));
            }
        }
        console.log(verdict.valid
            ? `${verdict.checked} file(s) checked: all valid`
            : `${verdict.invalid} of ${verdict.checked} file(s) have problems${report.problems.length > 0 ? ', and a quota is exceeded' : ''}`);
        return verdict.valid ? 0 : 1;
    },
};


/***/ }),

/***/ 9856:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  D: () => (/* binding */ worker_worker)
});

// EXTERNAL MODULE: ./build/src/core/errors.js
var errors = __nccwpck_require__(3026);
// EXTERNAL MODULE: ./build/src/core/grid-admin.js
var grid_admin = __nccwpck_require__(1079);
// EXTERNAL MODULE: ./build/src/core/log.js
var log = __nccwpck_require__(5491);
// EXTERNAL MODULE: ./build/src/core/sandbox/docker.js
var docker = __nccwpck_require__(6369);
// EXTERNAL MODULE: ./build/src/core/sandbox/process.js
var sandbox_process = __nccwpck_require__(6300);
;// CONCATENATED MODULE: ./build/src/core/sandbox/index.js



const SANDBOX_KINDS = ['docker', 'none'];
/** The sandbox for a worker; docker must answer before a worker claims anything it could not run. */
async function createSandbox(kind) {
    if (kind === 'none')
        return new sandbox_process/* ProcessSandbox */.b();
    const probe = await docker/* DockerSandbox */.s.probe();
    if (!probe.ok) {
        throw new errors/* UserError */.y(`sandbox "docker": no Docker daemon answers (${probe.reason}); start Docker or run on a runner that has it`);
    }
    return new docker/* DockerSandbox */.s();
}

// EXTERNAL MODULE: ./build/src/core/schemas.js + 113 modules
var schemas = __nccwpck_require__(8202);
// EXTERNAL MODULE: ./build/src/core/status.js
var core_status = __nccwpck_require__(6799);
// EXTERNAL MODULE: ./build/src/core/worker.js + 3 modules
var worker = __nccwpck_require__(6749);
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./build/src/core/metrics.js
// The opt-in local HTTP endpoint of a worker run as a service: /healthz for a liveness probe and
// /metrics in the Prometheus text format.

function prometheusText(g) {
    const { report } = g;
    const node = `node_id="${report.nodeId.replace(/["\\\n]/g, '_')}"`;
    const durations = report.outcomes.map((o) => o.duration_ms / 1000);
    const lines = [
        '# HELP dgrid_tasks_total Tasks this node finished, by status.',
        '# TYPE dgrid_tasks_total counter',
        ...['success', 'failure', 'timeout', 'error', 'cancelled'].map((status) => `dgrid_tasks_total{${node},status="${status}"} ${report.outcomes.filter((o) => o.status === status).length}`),
        '# HELP dgrid_tasks_returned_total Claims handed back to the queue on stop.',
        '# TYPE dgrid_tasks_returned_total counter',
        `dgrid_tasks_returned_total{${node}} ${report.returned}`,
        '# HELP dgrid_results_fenced_total Results not written because the claim had moved on.',
        '# TYPE dgrid_results_fenced_total counter',
        `dgrid_results_fenced_total{${node}} ${report.fenced}`,
        '# HELP dgrid_pushes_total Accepted pushes to the grid branch.',
        '# TYPE dgrid_pushes_total counter',
        `dgrid_pushes_total{${node}} ${report.pushes}`,
        '# HELP dgrid_claim_conflicts_total Pushes rejected because another node moved the tip first.',
        '# TYPE dgrid_claim_conflicts_total counter',
        `dgrid_claim_conflicts_total{${node}} ${report.rejectedPushes}`,
        '# HELP dgrid_task_duration_seconds Run time of finished tasks.',
        '# TYPE dgrid_task_duration_seconds summary',
        `dgrid_task_duration_seconds_sum{${node}} ${durations.reduce((a, b) => a + b, 0)}`,
        `dgrid_task_duration_seconds_count{${node}} ${durations.length}`,
        '# HELP dgrid_running_tasks Tasks running now.',
        '# TYPE dgrid_running_tasks gauge',
        `dgrid_running_tasks{${node}} ${g.running}`,
        '# HELP dgrid_slots Tasks this node runs at once at most.',
        '# TYPE dgrid_slots gauge',
        `dgrid_slots{${node}} ${g.slots}`,
    ];
    return lines.join('\n') + '\n';
}
/** Serves /healthz and /metrics on 127.0.0.1 unless told otherwise; unhealthy when no push for `staleSeconds`. */
async function serveMetrics(gauges, port, staleSeconds, host = '127.0.0.1') {
    const server = (0,external_node_http_namespaceObject.createServer)((req, res) => {
        const g = gauges();
        if (req.url === '/healthz') {
            const healthy = !g.stopping && g.sinceLastPushSeconds < staleSeconds;
            res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(healthy ? 'ok\n' : 'stale\n');
        }
        else if (req.url === '/metrics') {
            res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(prometheusText(g));
        }
        else
            res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(port, host, resolve));
    const address = server.address();
    return {
        url: `http://${host}:${address.port}`,
        // Scrapers keep connections alive; a stopping node must not wait for them.
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}

// EXTERNAL MODULE: ./build/src/cli/command.js
var command = __nccwpck_require__(4953);
;// CONCATENATED MODULE: ./build/src/cli/commands/worker.js









const worker_worker = {
    name: 'worker',
    summary: 'Run a worker node: claim tasks, run each in the sandbox, commit the results. Ctrl-C hands running tasks back.',
    usage: '[options]',
    options: {
        ...command/* gridOptions */.nv,
        'node-id': {
            type: 'string',
            placeholder: 'ID',
            description: 'this node id (default: host name plus a random suffix)',
        },
        labels: { type: 'string', placeholder: 'A,B', description: 'labels this node carries' },
        slots: { type: 'string', default: '1', placeholder: 'N', description: 'tasks at once (default: 1)' },
        'max-tasks': {
            type: 'string',
            default: '0',
            placeholder: 'N',
            description: 'stop after claiming N tasks (0: no limit)',
        },
        'max-runtime-minutes': {
            type: 'string',
            default: '0',
            placeholder: 'N',
            description: 'stop after N minutes (0: no limit)',
        },
        'idle-timeout-seconds': {
            type: 'string',
            default: '0',
            placeholder: 'N',
            description: 'stop after N idle seconds (0: never)',
        },
        'poll-interval-seconds': {
            type: 'string',
            default: '15',
            placeholder: 'N',
            description: 'idle polling interval (default: 15)',
        },
        sandbox: {
            type: 'string',
            default: 'docker',
            placeholder: 'docker|none',
            description: 'where tasks run (default: docker)',
        },
        image: {
            type: 'string',
            placeholder: 'IMAGE',
            description: "image for tasks that name none (default: the policy's)",
        },
        cpus: {
            type: 'string',
            placeholder: 'N',
            description: "CPUs this node may promise to tasks (default: the machine's)",
        },
        'memory-mb': {
            type: 'string',
            placeholder: 'N',
            description: "memory this node may promise (default: the machine's)",
        },
        'batch-window-seconds': {
            type: 'string',
            default: '0',
            placeholder: 'S',
            description: 'let a result wait this long for others, to share a push (default: 0)',
        },
        'max-pushes-per-minute': {
            type: 'string',
            default: '0',
            placeholder: 'N',
            description: "this node's push budget; the grid policy's applies too (default: 0, policy only)",
        },
        prefetch: {
            type: 'string',
            default: '0',
            placeholder: 'N',
            description: 'claims to hold beyond the slots, started without a push in between (default: 0)',
        },
        'metrics-port': {
            type: 'string',
            placeholder: 'PORT',
            description: 'serve /healthz and Prometheus /metrics on PORT while running (0: any free port)',
        },
        'metrics-host': {
            type: 'string',
            default: '127.0.0.1',
            placeholder: 'ADDRESS',
            description: 'address for the metrics endpoint (default: 127.0.0.1; 0.0.0.0 inside a container)',
        },
        verbose: { type: 'boolean', default: false, description: 'log every push' },
        ...command/* jsonOption */.Ec,
    },
    async run(values) {
        const sandboxKind = (0,command/* str */.gx)(values.sandbox);
        if (!SANDBOX_KINDS.includes(sandboxKind))
            throw new errors/* UserError */.y(`--sandbox is "${sandboxKind}": use docker or none`);
        const nodeId = (0,command/* str */.gx)(values['node-id']) || (0,worker/* defaultNodeId */.Xw)();
        if (!new RegExp(schemas/* NODE_ID_PATTERN */.iB).test(nodeId))
            throw new errors/* UserError */.y(`--node-id "${nodeId}": use letters, digits, dot, underscore, dash`);
        const remote = (0,grid_admin/* remoteUrl */.gX)((0,command/* str */.gx)(values.repository));
        const branch = (0,command/* str */.gx)(values.branch);
        const token = (0,command/* envToken */.Be)();
        const image = (0,command/* str */.gx)(values.image);
        const node = new worker/* Worker */.TK({
            remote,
            branch,
            ...(token ? { token } : {}),
            nodeId,
            labels: (0,command/* str */.gx)(values.labels)
                .split(',')
                .map((l) => l.trim())
                .filter(Boolean),
            slots: (0,command/* num */.bu)('slots', values.slots, 1, 64),
            maxTasks: (0,command/* num */.bu)('max-tasks', values['max-tasks'], 0),
            maxRuntimeMinutes: (0,command/* num */.bu)('max-runtime-minutes', values['max-runtime-minutes'], 0),
            idleTimeoutSeconds: (0,command/* num */.bu)('idle-timeout-seconds', values['idle-timeout-seconds'], 0),
            pollIntervalSeconds: (0,command/* num */.bu)('poll-interval-seconds', values['poll-interval-seconds'], 0.05),
            ...(image ? { image } : {}),
            ...(values.cpus === undefined ? {} : { cpus: (0,command/* num */.bu)('cpus', values.cpus, 0.1) }),
            ...(values['memory-mb'] === undefined ? {} : { memoryMb: (0,command/* num */.bu)('memory-mb', values['memory-mb'], 16) }),
            batchWindowMs: (0,command/* num */.bu)('batch-window-seconds', values['batch-window-seconds'], 0, 60) * 1000,
            maxPushesPerMinute: (0,command/* num */.bu)('max-pushes-per-minute', values['max-pushes-per-minute'], 0),
            prefetch: (0,command/* num */.bu)('prefetch', values.prefetch, 0, 256),
            cacheDir: (0,core_status/* cacheDir */.e8)(remote, branch, `node-${nodeId}`),
        }, await createSandbox(sandboxKind), (0,log/* consoleLog */.a)(Boolean(values.verbose)));
        for (const signal of ['SIGINT', 'SIGTERM'])
            process.on(signal, () => node.stop(`${signal} received`));
        const metrics = values['metrics-port'] === undefined
            ? undefined
            : await serveMetrics(() => node.gauges(), (0,command/* num */.bu)('metrics-port', values['metrics-port'], 0, 65535), 600, (0,command/* str */.gx)(values['metrics-host']));
        if (metrics)
            console.error(`metrics: ${metrics.url}/metrics, health: ${metrics.url}/healthz`);
        const report = await node.run().finally(() => metrics?.close());
        if (values.json)
            console.log(JSON.stringify(report, null, 2));
        else
            console.log(`node ${report.nodeId}: completed ${report.completed}, failed ${report.failed}, handed back ${report.returned}`);
        return 0;
    },
};


/***/ }),

/***/ 6708:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_13__ = __nccwpck_require__(3026);
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_12__ = __nccwpck_require__(9157);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4953);
/* harmony import */ var _commands_audit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(39);
/* harmony import */ var _commands_demo_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6692);
/* harmony import */ var _commands_init_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7989);
/* harmony import */ var _commands_reap_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9068);
/* harmony import */ var _commands_render_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5631);
/* harmony import */ var _commands_sign_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(1610);
/* harmony import */ var _commands_status_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(2541);
/* harmony import */ var _commands_submit_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(1743);
/* harmony import */ var _commands_validate_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(8776);
/* harmony import */ var _commands_worker_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(9856);
/* harmony import */ var _commands_cancel_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(6389);














const commands = [_commands_init_js__WEBPACK_IMPORTED_MODULE_3__/* .init */ .T, _commands_submit_js__WEBPACK_IMPORTED_MODULE_8__/* .submit */ .t, _commands_status_js__WEBPACK_IMPORTED_MODULE_7__/* .status */ .h, _commands_worker_js__WEBPACK_IMPORTED_MODULE_10__/* .worker */ .D, _commands_cancel_js__WEBPACK_IMPORTED_MODULE_11__/* .cancel */ .Z, _commands_reap_js__WEBPACK_IMPORTED_MODULE_4__/* .reap */ .x, _commands_audit_js__WEBPACK_IMPORTED_MODULE_1__/* .audit */ .s, _commands_validate_js__WEBPACK_IMPORTED_MODULE_9__/* .validate */ .t, _commands_sign_js__WEBPACK_IMPORTED_MODULE_6__/* .sign */ ._, _commands_render_js__WEBPACK_IMPORTED_MODULE_5__/* .render */ .X, _commands_demo_js__WEBPACK_IMPORTED_MODULE_2__/* .demo */ .q];
function usage() {
    const width = Math.max(...commands.map((c) => c.name.length));
    return [
        `dgrid ${_core_version_js__WEBPACK_IMPORTED_MODULE_12__/* .VERSION */ .x}: a task grid whose only database is a Git repository`,
        '',
        'Usage: dgrid <command> [options]',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary.split('. ')[0]}`),
        '',
        'Run "dgrid <command> --help" for the options of a command.',
    ].join('\n');
}
async function main(argv) {
    const [name, ...rest] = argv;
    if (name === 'help' && rest[0])
        return main([rest[0], '--help']);
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        console.log(usage());
        return name ? 0 : 1;
    }
    if (name === '--version') {
        console.log(_core_version_js__WEBPACK_IMPORTED_MODULE_12__/* .VERSION */ .x);
        return 0;
    }
    const command = commands.find((c) => c.name === name);
    if (!command)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .y(`unknown command "${name}"\n\n${usage()}`);
    const { values, positionals } = (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(command, rest);
    if (values.help) {
        console.log((0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .helpText */ .BK)(command));
        return 0;
    }
    return command.run(values, positionals);
}
try {
    process.exitCode = await main(process.argv.slice(2));
}
catch (error) {
    if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .y)
        console.error(`dgrid: ${error.message}`);
    else
        console.error(error instanceof Error ? (error.stack ?? (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_13__/* .errorMessage */ .g)(error)) : String(error));
    process.exitCode = error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .y ? 1 : 2;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3026:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage),
/* harmony export */   y: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * A mistake the user can fix (bad input, bad task, bad configuration). Actions and the CLI print its
 * message alone and exit 1; any other error is a bug and is shown with its stack.
 */
class UserError extends Error {
    name = 'UserError';
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 1482:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ git),
/* harmony export */   EO: () => (/* binding */ runGit),
/* harmony export */   Fn: () => (/* binding */ catFileBatch),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);

class GitError extends Error {
    args;
    failure;
    exitCode;
    stderr;
    name = 'GitError';
    constructor(args, failure, exitCode, stderr) {
        super(`git ${args[0] ?? ''} failed (${failure}${exitCode === null ? '' : `, exit ${exitCode}`}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
        this.args = args;
        this.failure = failure;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
// Network hiccups, overloaded servers and locks left by a concurrent or killed git are worth a retry.
const TRANSIENT = [
    /could not resolve host/i,
    /connection (refused|reset|timed out)/i,
    /failed to connect/i,
    /early EOF/i,
    /the remote end hung up/i,
    /RPC failed/i,
    /HTTP (408|429|5\d\d)/i,
    /returned error: (408|429|5\d\d)/i,
    /index\.lock': File exists/i,
    /\.lock': File exists/i,
    /unable to access/i,
    /Operation timed out/i,
    /Empty reply from server/i,
    /gnutls_handshake|SSL_read|SSL_ERROR/i,
];
const AUTH = /Authentication failed|could not read (Username|Password)|terminal prompts disabled|HTTP 40[13]|returned error: 40[13]|Permission to .* denied/i;
function classify(stderr) {
    if (AUTH.test(stderr))
        return 'auth';
    return TRANSIENT.some((pattern) => pattern.test(stderr)) ? 'transient' : 'fatal';
}
const BASE_ENV = {
    // Never wait for a password prompt nobody can answer, and never ask the user's credential helpers.
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    SSH_ASKPASS: 'true',
    GCM_INTERACTIVE: 'never',
    LC_ALL: 'C',
};
/** Runs git once; resolves with its output whatever the exit code, rejects only on timeout or spawn failure. */
function runGit(args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, {
            cwd: options.cwd,
            env: { ...process.env, ...BASE_ENV, ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        const stdout = [];
        const stderr = [];
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, options.timeoutMs ?? 120_000);
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.stdin.on('error', () => undefined); // git may exit before reading all input; the exit code says why
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            const err = Buffer.concat(stderr).toString('utf8');
            if (timedOut)
                reject(new GitError(args, 'timeout', null, err));
            else
                resolve({ exitCode: code ?? 1, stdout: Buffer.concat(stdout), stderr: err });
        });
        child.stdin.end(options.input ?? '');
    });
}
/** Runs git and returns stdout; a non-zero exit becomes a classified GitError. */
async function git(args, options = {}) {
    const out = await runGit(args, options);
    if (out.exitCode !== 0)
        throw new GitError(args, classify(out.stderr), out.exitCode, out.stderr);
    return out.stdout.toString('utf8');
}
/** Retries transient failures and timeouts with full-jitter exponential backoff. */
async function withRetry(action, options = {}) {
    const attempts = options.attempts ?? 5;
    const base = options.baseDelayMs ?? 250;
    const max = options.maxDelayMs ?? 8_000;
    for (let attempt = 1;; attempt++) {
        try {
            return await action();
        }
        catch (error) {
            const retryable = error instanceof GitError && (error.failure === 'transient' || error.failure === 'timeout');
            if (!retryable || attempt >= attempts)
                throw error;
            await sleep(Math.random() * Math.min(max, base * 2 ** attempt));
        }
    }
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * Reads objects by id with one `git cat-file --batch`, each as a view into its output; rejects when one is
 * missing. `options` carries the repository (cwd) and, for a partial one, the credentials its lazy fetch needs.
 */
async function catFileBatch(shas, options) {
    const objects = new Map();
    if (shas.length === 0)
        return objects;
    const out = await runGit(['cat-file', '--batch'], { ...options, input: shas.join('\n') + '\n' });
    if (out.exitCode !== 0)
        throw new GitError(['cat-file'], 'fatal', out.exitCode, out.stderr);
    let offset = 0;
    for (const sha of shas) {
        const newline = out.stdout.indexOf(0x0a, offset);
        const header = out.stdout.subarray(offset, newline).toString('utf8').split(' ');
        if (header[1] === 'missing')
            throw new GitError(['cat-file'], 'fatal', 0, `object ${sha} is missing`);
        const size = Number(header[2]);
        objects.set(sha, out.stdout.subarray(newline + 1, newline + 1 + size));
        offset = newline + 1 + size + 1;
    }
    return objects;
}


/***/ }),

/***/ 475:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ GridStore)
/* harmony export */ });
/* unused harmony export credentialEnv */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3026);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1482);
// The grid's git store: a bare cache repository with no working tree. Reads go through ls-tree and
// cat-file, commits are built with fast-import on top of the fetched tip, and pushes name the commit
// directly (SHA:refs/heads/<branch>), never with force. A lost race is a rejected push.




const SCRATCH_REF = 'refs/dgrid/scratch';
/** The grid's remote in the cache repository; its URL never carries a secret. */
const REMOTE = 'grid';
const BLOB_CACHE_LIMIT = 20_000;
class GridStore {
    options;
    env;
    blobs = new Map();
    trackingRef;
    /** Whether the cache holds no fetched tip yet: known for a new cache, looked up once for an existing one. */
    empty;
    /**
     * Whether blobs of the tip may be missing: in a partial store until its first read, which fetches those
     * it asks for in one request (a cold start leaves all of them behind, a killed one some).
     */
    lacksBlobs;
    constructor(options) {
        this.options = options;
        this.env = credentialEnv(options.remote, options.token);
        this.lacksBlobs = options.partial === true;
        this.trackingRef = `refs/remotes/grid/${options.branch}`;
    }
    static async open(options) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(options.dir, { recursive: true });
        const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(`${options.dir}/HEAD`).then(() => true, () => false);
        const store = new GridStore(options);
        if (exists) {
            // A cache is made for one remote, branch and purpose; only the URL's spelling may have changed.
            await store.git(['config', `remote.${REMOTE}.url`, options.remote]);
            return store;
        }
        // A bare repository is a config, two folders and HEAD: written here, a store opens without a git
        // process (a store opens on every CLI command and every cold start). HEAD goes last, as it marks the
        // repository whole.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.dir, 'config'), cacheConfig(options));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.dir, 'objects'), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.dir, 'refs'), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.dir, 'HEAD'), 'ref: refs/heads/main\n');
        store.empty = true;
        return store;
    }
    /**
     * A store over an existing local repository, a checkout or a bare one, read in place: nothing is fetched
     * and its config is left alone. Only `path` itself counts, never a repository around it, so a wrong folder
     * is an error rather than some other repository. Throws a GitError when `path` is not a repository.
     */
    static async local(path) {
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
        const gitDir = await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .git */ .$Y)(['rev-parse', '--absolute-git-dir'], {
            cwd: absolute,
            env: { GIT_CEILING_DIRECTORIES: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(absolute) },
        });
        return new GridStore({ remote: absolute, branch: 'HEAD', dir: gitDir.trim() });
    }
    get branch() {
        return this.options.branch;
    }
    async git(args, options = {}) {
        try {
            return await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .git */ .$Y)(args, { cwd: this.options.dir, timeoutMs: this.options.timeoutMs, env: this.env, ...options });
        }
        catch (error) {
            throw this.explain(error);
        }
    }
    /** A refused credential is the user's to fix, not a reason to retry. */
    explain(error) {
        if (error instanceof _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS && error.failure === 'auth') {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`${this.options.remote}: the server refused the credentials (${error.stderr.trim().split('\n').pop()}); ` +
                'give a token that can read and push the grid (input "token", or DGRID_TOKEN for the CLI)');
        }
        return error;
    }
    /** The remote branch tip without fetching: the cheap "did anything move?" check. */
    async remoteTip() {
        const out = await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(() => this.git(['ls-remote', this.options.remote, `refs/heads/${this.options.branch}`]));
        return out.split('\t')[0]?.trim() || null;
    }
    /** Fetches the branch tip; null when the branch does not exist yet. */
    async fetch() {
        const depth = this.options.depth ?? 1;
        const args = ['fetch', '--quiet', '--no-tags', '--no-auto-gc'];
        if (depth > 0)
            args.push(`--depth=${depth}`);
        // Partial stores take only trees on a cold start, then every new object: the blobs a node reads next
        // (new tasks, its claims) are among them, and the results of others are small.
        const cold = this.options.partial === true && (this.empty ??= (await this.tip()) === null);
        if (this.options.partial)
            args.push(cold ? '--filter=blob:none' : '--no-filter');
        args.push(REMOTE, `+refs/heads/${this.options.branch}:${this.trackingRef}`);
        try {
            await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(() => this.git(args));
        }
        catch (error) {
            if (error instanceof _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS && /couldn't find remote ref/i.test(error.stderr))
                return null;
            throw error;
        }
        this.empty = false;
        // FETCH_HEAD names what this fetch brought: a file read, where asking git would cost a process a round.
        const fetched = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.options.dir, 'FETCH_HEAD'), 'utf8');
        return fetched.slice(0, fetched.indexOf('\t'));
    }
    /** The last fetched tip, from the cache; null before the first fetch. */
    async tip() {
        const out = await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runGit */ .EO)(['rev-parse', '--verify', '--quiet', this.trackingRef], { cwd: this.options.dir });
        return out.exitCode === 0 ? out.stdout.toString('utf8').trim() : null;
    }
    /**
     * Every entry below the given paths at a commit (or tree), recursively; with `recursive` false, the paths
     * themselves, or the children of those written with a trailing slash.
     */
    async list(commit, paths, recursive = true) {
        const out = await this.git([
            'ls-tree',
            ...(recursive ? ['-r'] : []),
            // Sizes need the blobs; in a partial store that would fetch each one lazily, one request apiece.
            ...(this.options.partial ? [] : ['-l']),
            '-z',
            '--full-tree',
            commit,
            '--',
            ...paths,
        ]);
        const entries = [];
        for (const record of out.split('\0')) {
            if (!record)
                continue;
            const tab = record.indexOf('\t');
            const [mode, type, sha, size] = record.slice(0, tab).split(/ +/);
            entries.push({
                mode: mode,
                type: type,
                sha: sha,
                size: size === undefined || size === '-' ? null : Number(size),
                path: record.slice(tab + 1),
            });
        }
        return entries;
    }
    /** Reads blobs by id in one cat-file process; blobs are immutable, so they are cached by id. */
    async read(shas) {
        const fresh = await this.readAll(shas.filter((sha) => !this.blobs.has(sha)));
        if (this.blobs.size + fresh.size > BLOB_CACHE_LIMIT)
            this.blobs.clear();
        // Copies, so the cache does not pin the whole cat-file output.
        for (const [sha, blob] of fresh)
            this.blobs.set(sha, Buffer.from(blob));
        return new Map(shas.map((sha) => [sha, fresh.get(sha) ?? this.blobs.get(sha)]));
    }
    /**
     * Fetches the given blobs in one request, as git's own lazy fetch would one by one. When every blob is
     * here already, git does not connect at all.
     */
    async prefetch(shas) {
        const args = ['-c', 'fetch.negotiationAlgorithm=noop', 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head'];
        args.push('--recurse-submodules=no', '--filter=blob:none', '--stdin', REMOTE);
        await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(() => this.git(args, { input: shas.join('\n') + '\n' }));
    }
    /** The commit a revision (HEAD, a branch) names in this repository; null when it names none. */
    async resolve(revision) {
        const out = await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runGit */ .EO)(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: this.options.dir });
        return out.exitCode === 0 ? out.stdout.toString('utf8').trim() : null;
    }
    /**
     * Reads blobs by id in one cat-file process, past the cache: for reading a whole grid at once, which may
     * hold more records than the cache keeps.
     */
    async readAll(shas) {
        const unique = [...new Set(shas)];
        if (unique.length === 0)
            return new Map();
        // The first read, a node's snapshot, which reads all a node needs, brings what a cold start left behind
        // in one request, not one request apiece as cat-file's lazy fetch would. Later fetches bring every new
        // blob, so later reads find theirs here; a rare straggler still comes through cat-file's lazy fetch.
        if (this.lacksBlobs) {
            await this.prefetch(unique);
            this.lacksBlobs = false;
        }
        // The credentials ride along: in a partial store, cat-file fetches what is still missing.
        return (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .catFileBatch */ .Fn)(unique, { cwd: this.options.dir, env: this.env, timeoutMs: this.options.timeoutMs });
    }
    async readOne(sha) {
        return (await this.read([sha])).get(sha);
    }
    /** Builds a commit of `changes` on top of `parent` (null for the first commit) without a working tree. */
    async commit(parent, changes, message, author) {
        const when = `${Math.floor(Date.now() / 1000)} +0000`;
        const chunks = [];
        const line = (text) => chunks.push(Buffer.from(text + '\n', 'utf8'));
        const data = (content) => {
            line(`data ${content.length}`);
            chunks.push(content);
            line('');
        };
        line(`reset ${SCRATCH_REF}`);
        line(`commit ${SCRATCH_REF}`);
        line('mark :1');
        line(`author ${author} <${author}@dgrid> ${when}`);
        line(`committer ${author} <${author}@dgrid> ${when}`);
        data(Buffer.from(message, 'utf8'));
        if (parent)
            line(`from ${parent}`);
        for (const change of changes) {
            if ('delete' in change)
                line(`D ${quotePath(change.path)}`);
            else if ('existing' in change)
                line(`M ${change.existing.mode} ${change.existing.sha} ${quotePath(change.path)}`);
            else {
                line(`M 100644 inline ${quotePath(change.path)}`);
                data(Buffer.isBuffer(change.content) ? change.content : Buffer.from(change.content, 'utf8'));
            }
        }
        line('');
        line('get-mark :1');
        line('done');
        const out = await this.git(['fast-import', '--quiet', '--force', '--done', '--date-format=raw'], {
            input: Buffer.concat(chunks),
        });
        return out.trim();
    }
    /** Pushes a commit as the new branch tip, without force: 'rejected' means somebody else moved the tip. */
    async push(commit) {
        return (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(async () => {
            const out = await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .runGit */ .EO)(['push', '--porcelain', this.options.remote, `${commit}:refs/heads/${this.options.branch}`], {
                cwd: this.options.dir,
                env: this.env,
                timeoutMs: this.options.timeoutMs,
            });
            if (out.exitCode === 0)
                return 'pushed';
            const text = out.stdout.toString('utf8') + out.stderr;
            // A non-fast-forward, or a server-side refusal such as a hook or a lost ref-update race.
            if (/\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first/.test(text))
                return 'rejected';
            throw new _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS(['push'], (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .classify */ .L8)(out.stderr), out.exitCode, out.stderr);
        }).catch((error) => {
            throw this.explain(error);
        });
    }
    /**
     * Packs what the rounds left loose, and drops what no fetched tip reaches any more, once `looseLimit` loose
     * objects (git's own default) or 50 packs have gathered: every round's fetch and commit leave some, so a
     * long-running node's cache would grow without bound. Counted exactly, not estimated as `gc --auto` does,
     * and never in the background: only between rounds, when nothing else writes the cache. Returns the loose
     * objects it packed or dropped.
     */
    async tidy(looseLimit = 6700) {
        const counts = await this.git(['count-objects', '-v']);
        const count = (name) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(counts)?.[1] ?? 0);
        const loose = count('count');
        if (loose < looseLimit && count('packs') < 50)
            return 0;
        // No bitmap: it needs every object, and a partial cache lacks the blobs it never read.
        await this.git(['-c', 'gc.pruneExpire=now', '-c', 'repack.writeBitmaps=false', 'gc', '--quiet']);
        return loose;
    }
    /** Full history of the branch, oldest first, for the audit and the dashboard's time series. */
    async log(tip, paths = []) {
        const out = await this.git(['rev-list', '--reverse', '--first-parent', tip, '--', ...paths]);
        return out.split('\n').filter(Boolean);
    }
}
/**
 * The config of a new cache repository. Concurrent writers in one cache (slots, a killed process) must not
 * leave half-written state behind, so no automatic gc or maintenance (a node tidies between rounds); a
 * partial store fetches what it lacks from the grid remote.
 */
function cacheConfig(options) {
    const quoted = `"${options.remote.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    const lines = ['[core]', `\trepositoryformatversion = ${options.partial ? 1 : 0}`, '\tbare = true'];
    lines.push('[gc]', '\tauto = 0', '[maintenance]', '\tauto = false', `[remote "${REMOTE}"]`, `\turl = ${quoted}`);
    if (options.partial) {
        lines.push('\tpromisor = true', '\tpartialclonefilter = blob:none', '[extensions]', `\tpartialClone = ${REMOTE}`);
    }
    return lines.join('\n') + '\n';
}
/** fast-import takes paths as the rest of the line; quote the rare ones that would break that. */
function quotePath(path) {
    if (!/^"|\n|\\/.test(path))
        return path;
    return JSON.stringify(path);
}
/**
 * The token travels as an HTTP header set through GIT_CONFIG_* variables of the git process: never in a
 * URL, an argument list, or a config file on disk. Scoped to the remote's URL so no other host sees it.
 */
function credentialEnv(remote, token) {
    if (!token || !/^https?:\/\//.test(remote))
        return {};
    const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
    const origin = new URL(remote);
    return {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `http.${origin.protocol}//${origin.host}/.extraheader`,
        GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    };
}


/***/ }),

/***/ 1079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ requestCancel),
/* harmony export */   Hj: () => (/* binding */ submitTasks),
/* harmony export */   gX: () => (/* binding */ remoteUrl),
/* harmony export */   vq: () => (/* binding */ initGrid)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(3026);
/* harmony import */ var _git_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1482);
/* harmony import */ var _git_store_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(475);
/* harmony import */ var _transaction_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2901);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(2879);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(8125);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(1303);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(3478);
// Creating a grid and submitting tasks directly to it, for the CLI, the demo and the tests. On GitHub,
// tasks arrive by pull request instead, through validate-task.











/** A repository argument as git understands it: URLs as given, local paths as file:// URLs. */
function remoteUrl(repository) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository))
        return repository;
    if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(repository)) {
        const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
        return `${server}/${repository}.git`;
    }
    return (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(repository) ? repository : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(repository)).href;
}
/**
 * Makes `repository` a grid: creates a local bare repository when the path does not exist, then adds
 * what is missing (the policy, the lifecycle folders) in one commit. Safe to run twice.
 */
async function initGrid(options) {
    const remote = remoteUrl(options.repository);
    if (remote.startsWith('file:')) {
        const path = new URL(remote).pathname;
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path)) {
            await (0,_git_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)(['init', '--quiet', '--bare', `--initial-branch=${options.branch}`, path]);
            // Serve partial fetches as GitHub does, and keep a reflog of every push (the benchmark counts them).
            await (0,_git_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)(['config', 'uploadpack.allowFilter', 'true'], { cwd: path });
            await (0,_git_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .git */ .$Y)(['config', 'core.logAllRefUpdates', 'always'], { cwd: path });
        }
    }
    if (options.policyText !== undefined)
        (0,_policy_js__WEBPACK_IMPORTED_MODULE_8__/* .parsePolicy */ .ON)(options.policyText);
    const store = await _git_store_js__WEBPACK_IMPORTED_MODULE_4__/* .GridStore */ .g.open({ remote, branch: options.branch, dir: options.cacheDir, token: options.token });
    const tip = await store.fetch();
    const existing = tip === null ? [] : await store.list(tip, [_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .POLICY_FILE */ .CX, 'tasks', _layout_js__WEBPACK_IMPORTED_MODULE_6__/* .NODES_DIR */ .uX]);
    const has = (prefix) => existing.some((e) => e.path === prefix || e.path.startsWith(prefix + '/'));
    const changes = [];
    if (!has(_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .POLICY_FILE */ .CX))
        changes.push({ path: _layout_js__WEBPACK_IMPORTED_MODULE_6__/* .POLICY_FILE */ .CX, content: options.policyText ?? (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__/* .serialize */ .lK)({}) });
    for (const dir of [..._layout_js__WEBPACK_IMPORTED_MODULE_6__/* .LIFECYCLE */ .VD.map(_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .lifecycleDir */ .uP), _layout_js__WEBPACK_IMPORTED_MODULE_6__/* .NODES_DIR */ .uX]) {
        if (!has(dir))
            changes.push({ path: `${dir}/.gitkeep`, content: '' });
    }
    if (changes.length === 0)
        return { created: false, tip: tip };
    // The first commit has no parent, so it cannot go through transact(); a concurrent init loses cleanly.
    const commit = await store.commit(tip, changes, 'dgrid: initialise the grid\n', 'dgrid');
    if ((await store.push(commit)) === 'rejected')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .UserError */ .y(`${remote} changed while it was being initialised: run init again`);
    return { created: tip === null, tip: commit };
}
/** Checks tasks against the schema and the grid's policy, then adds them to the queue in one commit. */
async function submitTasks(store, tasks) {
    const { commit } = await (0,_transaction_js__WEBPACK_IMPORTED_MODULE_5__/* .transact */ .h)(store, async (snapshot) => {
        const policy = await snapshot.policy();
        const changes = [];
        for (const task of tasks) {
            const problems = [..._validation_js__WEBPACK_IMPORTED_MODULE_9__/* .taskValidator */ .gK.problems(task), ...(0,_policy_js__WEBPACK_IMPORTED_MODULE_8__/* .policyProblems */ .NP)(task, policy)];
            if (problems.length > 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .UserError */ .y(`task ${task.task_id}: ${problems.map((p) => p.message).join('; ')}`);
            if (snapshot.byId.has(task.task_id)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .UserError */ .y(`task id "${task.task_id}" is already used in this grid: choose another task_id`);
            }
            changes.push({ path: (0,_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .queuePath */ .Hs)(task.task_id), content: (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__/* .serialize */ .lK)(task) });
        }
        return { changes, message: `dgrid: submit ${tasks.map((t) => t.task_id).join(', ')}\n`, value: null };
    }, { author: 'dgrid' });
    return commit;
}
/**
 * Asks for tasks to be cancelled by adding tasks/cancel/<task_id>.json, the same file a pull request can
 * add. A worker moves a queued task to failed/ as `cancelled`; the node running a task stops it within
 * one poll interval of seeing the request.
 */
async function requestCancel(store, taskIds, reason) {
    const { commit } = await (0,_transaction_js__WEBPACK_IMPORTED_MODULE_5__/* .transact */ .h)(store, async (snapshot) => {
        const changes = [];
        for (const id of taskIds) {
            const state = snapshot.byId.get(id)?.[0]?.state;
            if (state !== 'queue' && state !== 'in_progress') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .UserError */ .y(`task ${id} is not queued or running${state ? ` (it is in ${state}/)` : ''}: nothing to cancel`);
            }
            const request = { task_id: id, ...(reason ? { reason } : {}) };
            changes.push({ path: (0,_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .cancelPath */ .ML)(id), content: (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__/* .serialize */ .lK)(request) });
        }
        return { changes, message: `dgrid: cancel ${taskIds.join(', ')}\n`, value: null };
    }, { author: 'dgrid', states: ['queue', 'in_progress'] });
    return commit;
}


/***/ }),

/***/ 5865:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ GridSnapshot)
/* harmony export */ });
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2879);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1303);


class GridSnapshot {
    store;
    tip;
    files = new Map();
    byId = new Map();
    nodeEntries = new Map();
    /** Cancel requests by task id. */
    cancels = new Map();
    policyEntry;
    cachedPolicy;
    constructor(store, tip, entries) {
        this.store = store;
        this.tip = tip;
        for (const state of _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .LIFECYCLE */ .VD)
            this.files.set(state, []);
        for (const entry of entries) {
            if (entry.path === _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .POLICY_FILE */ .CX) {
                this.policyEntry = entry;
                continue;
            }
            const node = (0,_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .locateNode */ .xz)(entry.path);
            if (node !== undefined) {
                this.nodeEntries.set(node, entry);
                continue;
            }
            const cancelled = (0,_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .locateCancel */ .xo)(entry.path);
            if (cancelled !== undefined) {
                this.cancels.set(cancelled, entry);
                continue;
            }
            const located = (0,_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .locate */ .x5)(entry.path);
            if (!located)
                continue;
            const file = { id: located.id, state: located.state, entry };
            this.files.get(located.state).push(file);
            const same = this.byId.get(file.id);
            if (same)
                same.push(file);
            else
                this.byId.set(file.id, [file]);
        }
    }
    static async load(store, tip, options = {}) {
        if (tip === null)
            return new GridSnapshot(store, null, []);
        const states = options.states ?? _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .LIFECYCLE */ .VD;
        const entries = await store.list(tip, [_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .POLICY_FILE */ .CX, _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .NODES_DIR */ .uX, _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .CANCEL_DIR */ .Nd, ...states.map(_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .lifecycleDir */ .uP)]);
        // A node's store is partial: each read of blobs it lacks is a round trip to the remote. What a node
        // lists is what its sync reads next (policy, nodes, claims, queue), so all of it comes in one.
        if (store.options.partial)
            await store.read(entries.filter((e) => e.type === 'blob').map((e) => e.sha));
        return new GridSnapshot(store, tip, entries);
    }
    of(state) {
        return this.files.get(state);
    }
    /** Ids in a lifecycle folder, listed on demand when the snapshot was loaded without it. */
    async idsIn(state) {
        const files = this.of(state);
        if (files.length > 0 || this.tip === null)
            return new Set(files.map((f) => f.id));
        const entries = await this.store.list(this.tip, [(0,_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .lifecycleDir */ .uP)(state)]);
        return new Set(entries.map((e) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .locate */ .x5)(e.path)?.id).filter((id) => id !== undefined));
    }
    async policy() {
        if (!this.cachedPolicy) {
            const text = this.policyEntry ? (await this.store.readOne(this.policyEntry.sha)).toString('utf8') : undefined;
            this.cachedPolicy = (0,_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePolicy */ .ON)(text, _layout_js__WEBPACK_IMPORTED_MODULE_0__/* .POLICY_FILE */ .CX);
        }
        return this.cachedPolicy;
    }
    async node(nodeId) {
        const entry = this.nodeEntries.get(nodeId);
        if (!entry)
            return undefined;
        return JSON.parse((await this.store.readOne(entry.sha)).toString('utf8'));
    }
    async nodes() {
        const entries = [...this.nodeEntries.values()];
        const blobs = await this.store.read(entries.map((e) => e.sha));
        const nodes = [];
        for (const entry of entries) {
            try {
                nodes.push(JSON.parse(blobs.get(entry.sha).toString('utf8')));
            }
            catch {
                // A hand-edited node file is the node's own business; it re-registers on its next heartbeat.
            }
        }
        return nodes;
    }
    /** Reads and parses JSON records; callers validate them with the schema of their folder. */
    async readJson(files) {
        const blobs = await this.store.read(files.filter((f) => f.entry.type === 'blob').map((f) => f.entry.sha));
        const out = new Map();
        for (const file of files) {
            const blob = blobs.get(file.entry.sha);
            if (!blob)
                continue;
            try {
                out.set(file, JSON.parse(blob.toString('utf8')));
            }
            catch {
                out.set(file, undefined);
            }
        }
        return out;
    }
}


/***/ }),

/***/ 2879:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ POLICY_FILE),
/* harmony export */   Hs: () => (/* binding */ queuePath),
/* harmony export */   Ie: () => (/* binding */ nodePath),
/* harmony export */   Is: () => (/* binding */ inProgressPath),
/* harmony export */   ML: () => (/* binding */ cancelPath),
/* harmony export */   Nd: () => (/* binding */ CANCEL_DIR),
/* harmony export */   Qf: () => (/* binding */ archivedDayPath),
/* harmony export */   VD: () => (/* binding */ LIFECYCLE),
/* harmony export */   iV: () => (/* binding */ DAY_FOLDER),
/* harmony export */   jO: () => (/* binding */ resultPath),
/* harmony export */   uP: () => (/* binding */ lifecycleDir),
/* harmony export */   uX: () => (/* binding */ NODES_DIR),
/* harmony export */   x5: () => (/* binding */ locate),
/* harmony export */   xo: () => (/* binding */ locateCancel),
/* harmony export */   xz: () => (/* binding */ locateNode),
/* harmony export */   zb: () => (/* binding */ archiveBranch)
/* harmony export */ });
/* unused harmony exports TASKS_DIR, shard */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
// Where each record lives in a grid. Readers find tasks at any depth below a lifecycle folder, so the
// sharding below can change without breaking older grids.

const POLICY_FILE = 'dgrid.json';
const TASKS_DIR = 'tasks';
const NODES_DIR = 'nodes';
const LIFECYCLE = ['queue', 'in_progress', 'completed', 'failed'];
function lifecycleDir(state) {
    return `${TASKS_DIR}/${state}`;
}
/** Submitters add tasks flat, as in the original D-GRID; the policy's max_queued keeps it under 3,000. */
function queuePath(taskId) {
    return `${TASKS_DIR}/queue/${taskId}.json`;
}
/** Claims are grouped by node: a node has at most `slots` of them, and there are far fewer nodes than 3,000. */
function inProgressPath(nodeId, taskId) {
    return `${TASKS_DIR}/in_progress/${nodeId}/${taskId}.json`;
}
/**
 * Results are sharded by finishing day, then by a hash prefix: a day holds 256 folders, so a folder stays
 * under 3,000 entries up to 768,000 results a day, and retention can move a whole day in one tree entry.
 */
function resultPath(state, taskId, finishedAt) {
    const day = finishedAt.toISOString().slice(0, 10);
    return `${TASKS_DIR}/${state}/${day}/${shard(taskId)}/${taskId}.json`;
}
/** Cancel requests sit beside the lifecycle folders, not in them: a request is not a task. */
const CANCEL_DIR = `${TASKS_DIR}/cancel`;
function cancelPath(taskId) {
    return `${CANCEL_DIR}/${taskId}.json`;
}
function locateCancel(path) {
    const match = /^tasks\/cancel\/([^/]+)\.json$/.exec(path);
    return match?.[1];
}
function nodePath(nodeId) {
    return `${NODES_DIR}/${nodeId}.json`;
}
function shard(taskId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(taskId).digest('hex').slice(0, 2);
}
/** Which lifecycle folder a path is in and which task it names; undefined when it is not a task path. */
function locate(path) {
    const parts = path.split('/');
    if (parts.length < 3 || parts[0] !== TASKS_DIR)
        return undefined;
    const state = parts[1];
    if (!LIFECYCLE.includes(state))
        return undefined;
    const name = parts[parts.length - 1];
    if (name.startsWith('.'))
        return undefined;
    return { state, id: name.endsWith('.json') ? name.slice(0, -'.json'.length) : name };
}
/** The node a nodes/ path names. */
function locateNode(path) {
    const match = /^nodes\/([^/]+)\.json$/.exec(path);
    return match?.[1];
}
/** Results older than the policy's retention move to this branch, so the grid's tip stays small. */
function archiveBranch(branch) {
    return `${branch}-archive`;
}
/** The name of a day folder of results, as resultPath writes it. */
const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Where a day folder of results lives in the archive: under its year, so no archive folder grows past 366
 * entries however many years the grid runs (invariant 2).
 */
function archivedDayPath(state, day) {
    return `${TASKS_DIR}/${state}/${day.slice(0, 4)}/${day}`;
}


/***/ }),

/***/ 8125:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F3: () => (/* binding */ maxAttempts),
/* harmony export */   Ih: () => (/* binding */ concludeClaim),
/* harmony export */   JF: () => (/* binding */ exhaustClaim),
/* harmony export */   KH: () => (/* binding */ iso),
/* harmony export */   P0: () => (/* binding */ runWithoutOutput),
/* harmony export */   QK: () => (/* binding */ claimTask),
/* harmony export */   Rw: () => (/* binding */ nodeChange),
/* harmony export */   d4: () => (/* binding */ requeueClaim),
/* harmony export */   gF: () => (/* binding */ rejectFile),
/* harmony export */   id: () => (/* binding */ attemptsUsed),
/* harmony export */   lK: () => (/* binding */ serialize)
/* harmony export */ });
/* unused harmony exports emptyStream, resultRecord, finishClaim, retryDelaySeconds */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2879);
// The lifecycle transitions, as pure functions from records to file changes. Each keeps invariant 1:
// a task leaves one folder in the same commit as it enters the next.


function serialize(record) {
    return JSON.stringify(record, null, 2) + '\n';
}
const iso = (date) => date.toISOString();
/** Attempts that count against max_attempts: a node handing a task back unstarted does not. */
function attemptsUsed(task) {
    return (task.attempts ?? []).filter((a) => a.status !== 'returned').length;
}
function maxAttempts(task, policy) {
    return Math.min(task.max_attempts ?? policy.default_attempts, policy.max_attempts);
}
/** Moves a queued task to the node, under a token unique to this claim. */
function claimTask(file, task, nodeId, now, policy) {
    const timeout = task.timeout_seconds ?? policy.default_timeout_seconds;
    const claim = {
        ...task,
        claim: {
            node_id: nodeId,
            token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
            attempt: (task.attempts?.length ?? 0) + 1,
            claimed_at: iso(now),
            lease_until: iso(new Date(now.getTime() + (timeout + policy.lease.grace_seconds) * 1000)),
        },
    };
    return {
        claim,
        changes: [
            { path: file.entry.path, delete: true },
            { path: (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .inProgressPath */ .Is)(nodeId, task.task_id), content: serialize(claim) },
        ],
    };
}
const emptyStream = () => ({
    text: '',
    bytes: 0,
    sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').digest('hex'),
    truncated: false,
});
/** An execution with no output: the script never ran, or nothing of its run is known. */
function runWithoutOutput(status, reason, startedAt, finishedAt = startedAt) {
    return { status, exitCode: null, reason, stdout: emptyStream(), stderr: emptyStream(), startedAt, finishedAt };
}
function withoutClaim(claim) {
    const { claim: _claim, ...task } = claim;
    return task;
}
function resultRecord(claim, run) {
    return {
        ...claim,
        node_id: claim.claim.node_id,
        status: run.status,
        exit_code: run.exitCode,
        ...(run.reason === undefined ? {} : { reason: run.reason }),
        timestamp: iso(run.finishedAt),
        started_at: iso(run.startedAt),
        finished_at: iso(run.finishedAt),
        duration_ms: Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime()),
        attempt: claim.claim.attempt,
        stdout: run.stdout.text,
        stdout_bytes: run.stdout.bytes,
        stdout_sha256: run.stdout.sha256,
        stdout_truncated: run.stdout.truncated,
        stderr: run.stderr.text,
        stderr_bytes: run.stderr.bytes,
        stderr_sha256: run.stderr.sha256,
        stderr_truncated: run.stderr.truncated,
    };
}
/** Finishes a claim: the caller has checked that the tip still holds this claim's token (fencing). */
function finishClaim(claimPath, claim, run) {
    const result = resultRecord(claim, run);
    const state = run.status === 'success' ? 'completed' : 'failed';
    return {
        result,
        changes: [
            { path: claimPath, delete: true },
            { path: (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .resultPath */ .jO)(state, claim.task_id, run.finishedAt), content: serialize(result) },
        ],
    };
}
/** Delay before the next attempt: exponential in the attempts used, with full jitter, capped. */
function retryDelaySeconds(attemptsUsedSoFar, policy, random = Math.random) {
    const ceiling = Math.min(policy.max_retry_backoff_seconds, policy.retry_backoff_seconds * 2 ** (attemptsUsedSoFar - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/**
 * Ends a claim with its run: a failure or timeout with attempts left goes back to the queue with its next
 * not_before after a backoff; everything else is final. The caller has checked the claim's token (fencing).
 */
function concludeClaim(claimPath, claim, run, policy) {
    const retryable = run.status === 'failure' || run.status === 'timeout';
    const used = attemptsUsed(claim) + 1;
    if (!retryable || used >= maxAttempts(claim, policy))
        return finishClaim(claimPath, claim, run).changes;
    const reason = run.reason ?? `exit code ${run.exitCode}`;
    const notBefore = new Date(run.finishedAt.getTime() + retryDelaySeconds(used, policy) * 1000);
    return requeueClaim(claimPath, claim, run.status, reason, run.finishedAt, { exitCode: run.exitCode, notBefore })
        .changes;
}
/** Puts a claimed task back in the queue, its attempt kept in the history. */
function requeueClaim(claimPath, claim, status, reason, now, retry = {}) {
    const attempt = {
        attempt: claim.claim.attempt,
        node_id: claim.claim.node_id,
        claim_token: claim.claim.token,
        claimed_at: claim.claim.claimed_at,
        ended_at: iso(now),
        status,
        reason,
        ...(retry.exitCode === undefined ? {} : { exit_code: retry.exitCode }),
    };
    const task = {
        ...withoutClaim(claim),
        ...(retry.notBefore ? { not_before: iso(retry.notBefore) } : {}),
        attempts: [...(claim.attempts ?? []), attempt],
    };
    return {
        task,
        changes: [
            { path: claimPath, delete: true },
            { path: (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .queuePath */ .Hs)(claim.task_id), content: serialize(task) },
        ],
    };
}
/**
 * A queued task that will never run goes to failed/ with a reason: a file that is not a task (status
 * `error`), a task whose dependency failed (`failure`), or a cancelled one (`cancelled`).
 */
function rejectFile(file, reason, nodeId, now, task, status = 'error') {
    const empty = emptyStream();
    const result = {
        ...(task ?? {}),
        task_id: file.id,
        node_id: nodeId,
        status,
        exit_code: null,
        reason,
        timestamp: iso(now),
        started_at: iso(now),
        finished_at: iso(now),
        duration_ms: 0,
        attempt: task ? attemptsUsed(task) : 0,
        stdout: empty.text,
        stdout_bytes: 0,
        stdout_sha256: empty.sha256,
        stdout_truncated: false,
        stderr: empty.text,
        stderr_bytes: 0,
        stderr_sha256: empty.sha256,
        stderr_truncated: false,
    };
    return [
        { path: file.entry.path, delete: true },
        { path: (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .resultPath */ .jO)('failed', file.id, now), content: serialize(result) },
    ];
}
function nodeChange(node) {
    return { path: (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .nodePath */ .Ie)(node.node_id), content: serialize(node) };
}
/**
 * Ends a claim whose node died during its last allowed attempt: final, in failed/ with status `error`, the
 * claim's history kept like any result's.
 */
function exhaustClaim(claimPath, claim, reason, now) {
    const run = runWithoutOutput('error', reason, new Date(claim.claim.claimed_at), now);
    return finishClaim(claimPath, claim, run).changes;
}


/***/ }),

/***/ 5491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ silentLog),
/* harmony export */   a: () => (/* binding */ consoleLog)
/* harmony export */ });
const silentLog = { info() { }, warn() { }, error() { }, debug() { } };
function consoleLog(verbose = false) {
    return {
        info: (m) => console.error(m),
        warn: (m) => console.error(`warning: ${m}`),
        error: (m) => console.error(`error: ${m}`),
        debug: (m) => {
            if (verbose)
                console.error(`debug: ${m}`);
        },
    };
}


/***/ }),

/***/ 1303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H2: () => (/* binding */ effectiveImage),
/* harmony export */   NP: () => (/* binding */ policyProblems),
/* harmony export */   ON: () => (/* binding */ parsePolicy),
/* harmony export */   WB: () => (/* binding */ imageAllowed)
/* harmony export */ });
/* unused harmony export defaultPolicy */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3026);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3478);


/** The policy of a grid from the text of its dgrid.json; a grid without one gets every default. */
function parsePolicy(text, source = 'dgrid.json') {
    let value = {};
    if (text !== undefined) {
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${source}: not valid JSON (${error.message}); fix the syntax`);
        }
    }
    const problems = _validation_js__WEBPACK_IMPORTED_MODULE_0__/* .policyValidator */ .bS.problems(value);
    if (problems.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${source}: ${problems.map((p) => p.message).join('; ')}`);
    }
    return value;
}
const defaultPolicy = () => parsePolicy(undefined);
/** An image is allowed when it is the default or listed exactly; a listed digest pins the content. */
function imageAllowed(image, policy) {
    return image === policy.default_image || policy.allowed_images.includes(image);
}
function effectiveImage(task, policy, fallback) {
    return task.image ?? fallback ?? policy.default_image;
}
/** What the policy says of a task that is already valid against the schema. */
function policyProblems(task, policy) {
    const problems = [];
    const timeout = task.timeout_seconds;
    if (timeout !== undefined && timeout > policy.max_timeout_seconds) {
        problems.push({
            pointer: '/timeout_seconds',
            message: `field "timeout_seconds" is ${timeout}; this grid allows at most ${policy.max_timeout_seconds}`,
        });
    }
    if (task.image !== undefined && !imageAllowed(task.image, policy)) {
        problems.push({
            pointer: '/image',
            message: `image "${task.image}" is not allowed here; use one of: ${policy.allowed_images.join(', ')}`,
        });
    }
    if (task.max_attempts !== undefined && task.max_attempts > policy.max_attempts) {
        problems.push({
            pointer: '/max_attempts',
            message: `field "max_attempts" is ${task.max_attempts}; this grid allows at most ${policy.max_attempts}`,
        });
    }
    const cpus = task.resources?.cpus;
    if (cpus !== undefined && cpus > policy.limits.cpus) {
        problems.push({
            pointer: '/resources/cpus',
            message: `field "resources.cpus" is ${cpus}; this grid allows at most ${policy.limits.cpus}`,
        });
    }
    const memory = task.resources?.memory_mb;
    if (memory !== undefined && memory > policy.limits.memory_mb) {
        problems.push({
            pointer: '/resources/memory_mb',
            message: `field "resources.memory_mb" is ${memory}; this grid allows at most ${policy.limits.memory_mb}`,
        });
    }
    if (Buffer.byteLength(task.script, 'utf8') > 64 * 1024) {
        problems.push({ pointer: '/script', message: 'field "script" is over 64 KiB; ship data some other way' });
    }
    return problems;
}


/***/ }),

/***/ 8123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ PushPacer)
/* harmony export */ });
/** What a round is taken to cost before one has been measured: a local fetch, build and push. */
const FIRST_ROUND_MS = 250;
/** How many rounds a node holds off at most after a contended push. */
const MAX_HOLD_ROUNDS = 8;
/** The retry window, in rounds, of a node whose lease is at risk: some jitter, so two such nodes part. */
const URGENT_WINDOW_ROUNDS = 0.1;
/**
 * Congestion control for pushes to one branch. A push is built on the tip its round read, so it loses to
 * any push that lands between that read and its own: what is at risk is the whole round (fetch, build,
 * push), which this measures. Two rules keep nodes from losing to one another round after round.
 *
 * - A lost race is tried again after a random wait within a window of one round, widened by how contended
 *   the branch has been: the average number of races lost per landed push, over many pushes (a grid whose
 *   nodes all push at once spreads them out). The window never grows with a node's own run of losses: that
 *   would put a node that lost a few behind the nodes that won (the capture effect), and under load it could
 *   lose for longer than the node timeout and have its claims reaped while it ran them.
 * - A push that landed only after lost races holds its node off before the next one, a round for each race
 *   it lost (they tell how many others are pushing), and the hold halves after each push that met no
 *   contention: the nodes it beat get their turns, and what the node gathers meanwhile rides in its next push.
 * - A node whose lease is at risk (its heartbeat is overdue while it runs claims) retries at once, within a
 *   tenth of a round: it reads the new tip ahead of the nodes that wait their share, so the node nearest to
 *   having its claims reaped is the likeliest to land next, whatever it lost before.
 */
class PushPacer {
    clock;
    roundMs = FIRST_ROUND_MS;
    holdMs = 0;
    landedAt = 0;
    startedAt = 0;
    lost = 0;
    /** Races lost per landed push, a moving average. */
    contention = 0;
    constructor(clock = Date.now) {
        this.clock = clock;
    }
    /** How long the node holds off after its last landed push. */
    get hold() {
        return this.holdMs;
    }
    /** How long to wait for the node's turn, the rest of its hold, before a new change's first round. */
    untilTurn() {
        return Math.max(0, this.landedAt + this.holdMs - this.clock());
    }
    /** A round starts: its fetch is about to read the tip. */
    begin() {
        this.startedAt = this.clock();
    }
    /** The round's push lost the race; returns how long to wait before the next round. */
    lostRace(leaseAtRisk = false) {
        this.measure();
        this.lost++;
        return Math.random() * this.roundMs * (leaseAtRisk ? URGENT_WINDOW_ROUNDS : 1 + this.contention);
    }
    /** The round's push landed. */
    landed() {
        this.measure();
        this.contention = 0.7 * this.contention + 0.3 * this.lost;
        const hold = this.lost > 0 ? Math.max(this.holdMs / 2, this.lost * this.roundMs) : this.holdMs / 2;
        this.holdMs = hold < this.roundMs / 2 ? 0 : Math.min(hold, MAX_HOLD_ROUNDS * this.roundMs);
        this.lost = 0;
        this.landedAt = this.clock();
    }
    measure() {
        // A moving average: one slow round (a busy moment, a big read) does not set the pace alone.
        this.roundMs = 0.7 * this.roundMs + 0.3 * Math.max(1, this.clock() - this.startedAt);
    }
}


/***/ }),

/***/ 3161:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  w: () => (/* binding */ runChild)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./build/src/core/sandbox/output.js

/** Keeps the first `cap` bytes of a stream while counting and hashing all of it. */
class OutputCapture {
    cap;
    hash = (0,external_node_crypto_.createHash)('sha256');
    kept = [];
    keptBytes = 0;
    total = 0;
    constructor(cap) {
        this.cap = cap;
    }
    write(chunk) {
        this.hash.update(chunk);
        this.total += chunk.length;
        if (this.keptBytes < this.cap) {
            const part = chunk.subarray(0, this.cap - this.keptBytes);
            this.kept.push(part);
            this.keptBytes += part.length;
        }
    }
    finish() {
        // Cutting at a byte cap can split a UTF-8 sequence; the decoder replaces the fragment instead of failing.
        return {
            text: Buffer.concat(this.kept).toString('utf8'),
            bytes: this.total,
            sha256: this.hash.digest('hex'),
            truncated: this.total > this.keptBytes,
        };
    }
}

;// CONCATENATED MODULE: ./build/src/core/sandbox/child.js


/** Runs a child process with capped output, a timeout and cancellation; shared by both sandboxes. */
function runChild(run) {
    return new Promise((resolve) => {
        const startedAt = new Date();
        const stdout = new OutputCapture(run.outputCapBytes);
        const stderr = new OutputCapture(run.outputCapBytes);
        let ended;
        const child = (0,external_node_child_process_.spawn)(run.command, run.args, { ...run.options, stdio: ['ignore', 'pipe', 'pipe'] });
        const end = (why) => {
            if (ended)
                return;
            ended = why;
            void run.stop(child);
        };
        const timer = setTimeout(() => end('timeout'), run.timeoutSeconds * 1000);
        const onAbort = () => end('cancelled');
        run.signal.addEventListener('abort', onAbort, { once: true });
        if (run.signal.aborted)
            onAbort();
        child.stdout.on('data', (chunk) => stdout.write(chunk));
        child.stderr.on('data', (chunk) => stderr.write(chunk));
        let finished = false;
        const finish = (exitCode, spawnError) => {
            if (finished)
                return;
            finished = true;
            clearTimeout(timer);
            run.signal.removeEventListener('abort', onAbort);
            const out = stdout.finish();
            const err = stderr.finish();
            const base = { stdout: out, stderr: err, startedAt, finishedAt: new Date() };
            if (spawnError)
                resolve({ ...base, status: 'error', exitCode: null, reason: `could not start: ${spawnError.message}` });
            else if (ended === 'timeout') {
                resolve({ ...base, status: 'timeout', exitCode, reason: `killed after the ${run.timeoutSeconds} s timeout` });
            }
            else if (ended === 'cancelled')
                resolve({ ...base, status: 'cancelled', exitCode, reason: 'stopped before it finished' });
            else {
                const sandboxIssue = exitCode === null ? undefined : run.sandboxError?.(exitCode, err.text);
                if (sandboxIssue)
                    resolve({ ...base, status: 'error', exitCode, reason: sandboxIssue });
                else
                    resolve({ ...base, status: exitCode === 0 ? 'success' : 'failure', exitCode });
            }
        };
        child.on('error', (error) => finish(null, error));
        child.on('close', (code, signal) => finish(code ?? (signal ? 128 + signalNumber(signal) : null)));
    });
}
function signalNumber(signal) {
    return { SIGKILL: 9, SIGTERM: 15, SIGINT: 2, SIGSEGV: 11, SIGABRT: 6 }[signal] ?? 0;
}


/***/ }),

/***/ 6369:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ DockerSandbox)
/* harmony export */ });
/* unused harmony export dockerRunArgs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1421);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(7975);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(8125);
/* harmony import */ var _child_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(3161);
// The default sandbox: one locked-down container per task. Nothing of the runner reaches it: no network,
// no host mounts, no docker socket, no inherited environment, a read-only root and a non-root user.








const exec = (0,node_util__WEBPACK_IMPORTED_MODULE_5__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_4__.execFile);
/** The docker client's own environment: enough to reach the daemon, nothing from the runner's secrets. */
function clientEnv() {
    const keep = [
        'PATH',
        'HOME',
        'DOCKER_HOST',
        'DOCKER_CONFIG',
        'DOCKER_CONTEXT',
        'DOCKER_CERT_PATH',
        'DOCKER_TLS_VERIFY',
    ];
    return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}
function dockerRunArgs(job, name, envFile) {
    const fileSize = job.fileSizeMb * 1024 * 1024;
    return [
        'run',
        '--rm',
        '--name',
        name,
        '--label',
        `dgrid.node=${job.nodeId}`,
        '--label',
        `dgrid.task=${job.taskId}`,
        '--network',
        'none',
        '--read-only',
        '--tmpfs',
        `/tmp:rw,noexec,nosuid,nodev,size=${job.tmpfsMb}m`,
        '--workdir',
        '/tmp',
        '--user',
        '65534:65534',
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
        '--pids-limit',
        String(job.pids),
        '--memory',
        `${job.memoryMb}m`,
        '--memory-swap',
        `${job.memoryMb}m`,
        '--cpus',
        String(job.cpus),
        '--ulimit',
        `fsize=${fileSize}:${fileSize}`,
        '--ulimit',
        'nofile=256:256',
        '--init',
        '--env-file',
        envFile,
        job.image,
        '/bin/sh',
        '-c',
        job.script,
    ];
}
class DockerSandbox {
    docker;
    kind = 'docker';
    constructor(docker = 'docker') {
        this.docker = docker;
    }
    /** Whether a daemon answers, and why not. */
    static async probe(docker = 'docker') {
        try {
            await exec(docker, ['version', '--format', '{{.Server.Version}}'], { env: clientEnv(), timeout: 10_000 });
            return { ok: true };
        }
        catch (error) {
            return { ok: false, reason: error.message.split('\n')[0] ?? 'docker did not answer' };
        }
    }
    static async hasImage(image, docker = 'docker') {
        try {
            await exec(docker, ['image', 'inspect', image], { env: clientEnv(), timeout: 10_000 });
            return true;
        }
        catch {
            return false;
        }
    }
    async run(job, signal) {
        const badEnv = Object.entries(job.env).find(([, value]) => /[\n\r\0]/.test(value));
        if (badEnv)
            return (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_6__/* .runWithoutOutput */ .P0)('error', `env ${badEnv[0]}: values must be a single line`, new Date());
        const name = `dgrid-${job.taskId.slice(0, 60)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'dgrid-env-'));
        const envFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'env');
        const env = { HOME: '/tmp', ...job.env };
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(envFile, Object.entries(env)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''), { mode: 0o600 });
        try {
            const run = await (0,_child_js__WEBPACK_IMPORTED_MODULE_7__/* .runChild */ .w)({
                command: this.docker,
                args: dockerRunArgs(job, name, envFile),
                options: { env: clientEnv() },
                timeoutSeconds: job.timeoutSeconds,
                outputCapBytes: job.outputCapBytes,
                signal,
                // Killing the client would leave the container running: kill the container itself.
                stop: () => this.remove([name]),
                sandboxError: (code, stderr) => code === 125 ? `docker could not run the container: ${clientMessage(stderr)}` : undefined,
            });
            if (run.status === 'success' || run.status === 'timeout' || signal.aborted)
                return run;
            // A daemon that stops kills its containers: the task then looks killed (137) or unrunnable (125).
            // Asked at once, a daemon on its way down or not yet back does not answer; one that is back already
            // does, so the client's own words that it lost the daemon count too.
            const lost = run.exitCode === 125 && DAEMON_LOST.test(run.stderr.text)
                ? `the Docker daemon went away: ${clientMessage(run.stderr.text)}`
                : await this.unavailable();
            return lost ? { ...run, status: 'error', reason: lost, sandboxLost: lost } : run;
        }
        finally {
            await this.remove([name]);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        }
    }
    async unavailable() {
        const probe = await DockerSandbox.probe(this.docker);
        return probe.ok ? undefined : `the Docker daemon does not answer: ${probe.reason}`;
    }
    async removeOrphans(nodeId) {
        const { stdout } = await exec(this.docker, ['ps', '-aq', '--filter', `label=dgrid.node=${nodeId}`], {
            env: clientEnv(),
        });
        const ids = stdout.split('\n').filter(Boolean);
        await this.remove(ids);
        return ids.length;
    }
    async remove(ids) {
        if (ids.length === 0)
            return;
        await exec(this.docker, ['rm', '--force', ...ids], { env: clientEnv(), timeout: 30_000 }).catch(() => undefined);
    }
}
/** How the docker client says it could not reach the daemon, or lost it under a running container. */
const DAEMON_LOST = /Cannot connect to the Docker daemon|error during connect|error waiting for container: unexpected EOF/;
/** The client's error, without the usage hint it appends to every failure. */
function clientMessage(stderr) {
    const lines = stderr.split('\n').map((line) => line.trim());
    return lines.find((line) => line && !/^(Run|See) 'docker run --help'/.test(line)) ?? 'no message';
}


/***/ }),

/***/ 6300:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ ProcessSandbox)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var _child_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3161);
// `sandbox: none`: the script runs as a plain child process of the worker, with a clean environment and a
// scratch directory but no isolation. Only for grids whose every task is trusted.




class ProcessSandbox {
    kind = 'none';
    async run(job, signal) {
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'dgrid-task-'));
        try {
            return await (0,_child_js__WEBPACK_IMPORTED_MODULE_3__/* .runChild */ .w)({
                command: '/bin/sh',
                args: ['-c', job.script],
                options: {
                    cwd: dir,
                    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir, TMPDIR: dir, ...job.env },
                    detached: true, // its own process group, so a timeout kills everything it started
                },
                timeoutSeconds: job.timeoutSeconds,
                outputCapBytes: job.outputCapBytes,
                signal,
                stop: (child) => {
                    try {
                        if (child.pid)
                            process.kill(-child.pid, 'SIGKILL');
                    }
                    catch {
                        // already gone
                    }
                },
            });
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        }
    }
    async unavailable() {
        return undefined;
    }
    async removeOrphans() {
        return 0;
    }
}


/***/ }),

/***/ 8202:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ah: () => (/* binding */ CancelSchema),
  Gq: () => (/* binding */ ClaimSchema),
  iB: () => (/* binding */ NODE_ID_PATTERN),
  M2: () => (/* binding */ NodeSchema),
  Qz: () => (/* binding */ PolicySchema),
  _l: () => (/* binding */ QueuedTaskSchema),
  Jh: () => (/* binding */ ResultSchema),
  Fq: () => (/* binding */ TASK_ID_PATTERN),
  pj: () => (/* binding */ TaskSchema)
});

// UNUSED EXPORTS: AttemptSchema, ClaimInfoSchema, ENV_NAME_PATTERN, LABEL_PATTERN, MAX_SCRIPT_BYTES, NodeStatus, Priority, Status, shippedSchemas

// NAMESPACE OBJECT: ./node_modules/@sinclair/typebox/build/esm/type/type/type.mjs
var type_type_namespaceObject = {};
__nccwpck_require__.r(type_type_namespaceObject);
__nccwpck_require__.d(type_type_namespaceObject, {
  Any: () => (Any),
  Argument: () => (Argument),
  Array: () => (array_Array),
  AsyncIterator: () => (AsyncIterator),
  Awaited: () => (Awaited),
  BigInt: () => (BigInt),
  Boolean: () => (Boolean),
  Capitalize: () => (Capitalize),
  Composite: () => (Composite),
  Const: () => (Const),
  Constructor: () => (Constructor),
  ConstructorParameters: () => (ConstructorParameters),
  Date: () => (date_Date),
  Enum: () => (Enum),
  Exclude: () => (Exclude),
  Extends: () => (Extends),
  Extract: () => (Extract),
  Function: () => (Function),
  Index: () => (Index),
  InstanceType: () => (InstanceType),
  Instantiate: () => (Instantiate),
  Integer: () => (Integer),
  Intersect: () => (Intersect),
  Iterator: () => (Iterator),
  KeyOf: () => (KeyOf),
  Literal: () => (Literal),
  Lowercase: () => (Lowercase),
  Mapped: () => (Mapped),
  Module: () => (Module),
  Never: () => (Never),
  Not: () => (Not),
  Null: () => (Null),
  Number: () => (number_Number),
  Object: () => (object_Object),
  Omit: () => (Omit),
  Optional: () => (Optional),
  Parameters: () => (Parameters),
  Partial: () => (Partial),
  Pick: () => (Pick),
  Promise: () => (Promise),
  Readonly: () => (Readonly),
  ReadonlyOptional: () => (ReadonlyOptional),
  Record: () => (Record),
  Recursive: () => (Recursive),
  Ref: () => (Ref),
  RegExp: () => (regexp_RegExp),
  Required: () => (Required),
  Rest: () => (Rest),
  ReturnType: () => (ReturnType),
  String: () => (string_String),
  Symbol: () => (symbol_Symbol),
  TemplateLiteral: () => (TemplateLiteral),
  Transform: () => (Transform),
  Tuple: () => (Tuple),
  Uint8Array: () => (uint8array_Uint8Array),
  Uncapitalize: () => (Uncapitalize),
  Undefined: () => (Undefined),
  Union: () => (Union),
  Unknown: () => (Unknown),
  Unsafe: () => (Unsafe),
  Uppercase: () => (Uppercase),
  Void: () => (Void)
});

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/value/guard/guard.mjs
// --------------------------------------------------------------------------
// Iterators
// --------------------------------------------------------------------------
/** Returns true if this value is an async iterator */
function IsAsyncIterator(value) {
    return IsObject(value) && globalThis.Symbol.asyncIterator in value;
}
/** Returns true if this value is an iterator */
function IsIterator(value) {
    return IsObject(value) && globalThis.Symbol.iterator in value;
}
// --------------------------------------------------------------------------
// Object Instances
// --------------------------------------------------------------------------
/** Returns true if this value is not an instance of a class */
function IsStandardObject(value) {
    return IsObject(value) && (globalThis.Object.getPrototypeOf(value) === Object.prototype || globalThis.Object.getPrototypeOf(value) === null);
}
/** Returns true if this value is an instance of a class */
function IsInstanceObject(value) {
    return IsObject(value) && !IsArray(value) && IsFunction(value.constructor) && value.constructor.name !== 'Object';
}
// --------------------------------------------------------------------------
// JavaScript
// --------------------------------------------------------------------------
/** Returns true if this value is a Promise */
function IsPromise(value) {
    return value instanceof globalThis.Promise;
}
/** Returns true if this value is a Date */
function IsDate(value) {
    return value instanceof Date && globalThis.Number.isFinite(value.getTime());
}
/** Returns true if this value is an instance of Map<K, T> */
function IsMap(value) {
    return value instanceof globalThis.Map;
}
/** Returns true if this value is an instance of Set<T> */
function IsSet(value) {
    return value instanceof globalThis.Set;
}
/** Returns true if this value is RegExp */
function IsRegExp(value) {
    return value instanceof globalThis.RegExp;
}
/** Returns true if this value is a typed array */
function IsTypedArray(value) {
    return globalThis.ArrayBuffer.isView(value);
}
/** Returns true if the value is a Int8Array */
function IsInt8Array(value) {
    return value instanceof globalThis.Int8Array;
}
/** Returns true if the value is a Uint8Array */
function IsUint8Array(value) {
    return value instanceof globalThis.Uint8Array;
}
/** Returns true if the value is a Uint8ClampedArray */
function IsUint8ClampedArray(value) {
    return value instanceof globalThis.Uint8ClampedArray;
}
/** Returns true if the value is a Int16Array */
function IsInt16Array(value) {
    return value instanceof globalThis.Int16Array;
}
/** Returns true if the value is a Uint16Array */
function IsUint16Array(value) {
    return value instanceof globalThis.Uint16Array;
}
/** Returns true if the value is a Int32Array */
function IsInt32Array(value) {
    return value instanceof globalThis.Int32Array;
}
/** Returns true if the value is a Uint32Array */
function IsUint32Array(value) {
    return value instanceof globalThis.Uint32Array;
}
/** Returns true if the value is a Float32Array */
function IsFloat32Array(value) {
    return value instanceof globalThis.Float32Array;
}
/** Returns true if the value is a Float64Array */
function IsFloat64Array(value) {
    return value instanceof globalThis.Float64Array;
}
/** Returns true if the value is a BigInt64Array */
function IsBigInt64Array(value) {
    return value instanceof globalThis.BigInt64Array;
}
/** Returns true if the value is a BigUint64Array */
function IsBigUint64Array(value) {
    return value instanceof globalThis.BigUint64Array;
}
// --------------------------------------------------------------------------
// PropertyKey
// --------------------------------------------------------------------------
/** Returns true if this value has this property key */
function HasPropertyKey(value, key) {
    return key in value;
}
// --------------------------------------------------------------------------
// Standard
// --------------------------------------------------------------------------
/** Returns true of this value is an object type */
function IsObject(value) {
    return value !== null && typeof value === 'object';
}
/** Returns true if this value is an array, but not a typed array */
function IsArray(value) {
    return globalThis.Array.isArray(value) && !globalThis.ArrayBuffer.isView(value);
}
/** Returns true if this value is an undefined */
function IsUndefined(value) {
    return value === undefined;
}
/** Returns true if this value is an null */
function IsNull(value) {
    return value === null;
}
/** Returns true if this value is an boolean */
function IsBoolean(value) {
    return typeof value === 'boolean';
}
/** Returns true if this value is an number */
function IsNumber(value) {
    return typeof value === 'number';
}
/** Returns true if this value is an integer */
function IsInteger(value) {
    return globalThis.Number.isInteger(value);
}
/** Returns true if this value is bigint */
function IsBigInt(value) {
    return typeof value === 'bigint';
}
/** Returns true if this value is string */
function IsString(value) {
    return typeof value === 'string';
}
/** Returns true if this value is a function */
function IsFunction(value) {
    return typeof value === 'function';
}
/** Returns true if this value is a symbol */
function IsSymbol(value) {
    return typeof value === 'symbol';
}
/** Returns true if this value is a value type such as number, string, boolean */
function IsValueType(value) {
    // prettier-ignore
    return (IsBigInt(value) ||
        IsBoolean(value) ||
        IsNull(value) ||
        IsNumber(value) ||
        IsString(value) ||
        IsSymbol(value) ||
        IsUndefined(value));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/system/policy.mjs

var TypeSystemPolicy;
(function (TypeSystemPolicy) {
    // ------------------------------------------------------------------
    // TypeSystemPolicy: Instancing
    // ------------------------------------------------------------------
    /**
     * Configures the instantiation behavior of TypeBox types. The `default` option assigns raw JavaScript
     * references for embedded types, which may cause side effects if type properties are explicitly updated
     * outside the TypeBox type builder. The `clone` option creates copies of any shared types upon creation,
     * preventing unintended side effects. The `freeze` option applies `Object.freeze()` to the type, making
     * it fully readonly and immutable. Implementations should use `default` whenever possible, as it is the
     * fastest way to instantiate types. The default setting is `default`.
     */
    TypeSystemPolicy.InstanceMode = 'default';
    // ------------------------------------------------------------------
    // TypeSystemPolicy: Checking
    // ------------------------------------------------------------------
    /** Sets whether TypeBox should assert optional properties using the TypeScript `exactOptionalPropertyTypes` assertion policy. The default is `false` */
    TypeSystemPolicy.ExactOptionalPropertyTypes = false;
    /** Sets whether arrays should be treated as a kind of objects. The default is `false` */
    TypeSystemPolicy.AllowArrayObject = false;
    /** Sets whether `NaN` or `Infinity` should be treated as valid numeric values. The default is `false` */
    TypeSystemPolicy.AllowNaN = false;
    /** Sets whether `null` should validate for void types. The default is `false` */
    TypeSystemPolicy.AllowNullVoid = false;
    /** Checks this value using the ExactOptionalPropertyTypes policy */
    function IsExactOptionalProperty(value, key) {
        return TypeSystemPolicy.ExactOptionalPropertyTypes ? key in value : value[key] !== undefined;
    }
    TypeSystemPolicy.IsExactOptionalProperty = IsExactOptionalProperty;
    /** Checks this value using the AllowArrayObjects policy */
    function IsObjectLike(value) {
        const isObject = IsObject(value);
        return TypeSystemPolicy.AllowArrayObject ? isObject : isObject && !IsArray(value);
    }
    TypeSystemPolicy.IsObjectLike = IsObjectLike;
    /** Checks this value as a record using the AllowArrayObjects policy */
    function IsRecordLike(value) {
        return IsObjectLike(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
    }
    TypeSystemPolicy.IsRecordLike = IsRecordLike;
    /** Checks this value using the AllowNaN policy */
    function IsNumberLike(value) {
        return TypeSystemPolicy.AllowNaN ? IsNumber(value) : Number.isFinite(value);
    }
    TypeSystemPolicy.IsNumberLike = IsNumberLike;
    /** Checks this value using the AllowVoidNull policy */
    function IsVoidLike(value) {
        const isUndefined = IsUndefined(value);
        return TypeSystemPolicy.AllowNullVoid ? isUndefined || value === null : isUndefined;
    }
    TypeSystemPolicy.IsVoidLike = IsVoidLike;
})(TypeSystemPolicy || (TypeSystemPolicy = {}));

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/value.mjs
// --------------------------------------------------------------------------
// PropertyKey
// --------------------------------------------------------------------------
/** Returns true if this value has this property key */
function value_HasPropertyKey(value, key) {
    return key in value;
}
// --------------------------------------------------------------------------
// Object Instances
// --------------------------------------------------------------------------
/** Returns true if this value is an async iterator */
function value_IsAsyncIterator(value) {
    return value_IsObject(value) && !value_IsArray(value) && !value_IsUint8Array(value) && Symbol.asyncIterator in value;
}
/** Returns true if this value is an array */
function value_IsArray(value) {
    return Array.isArray(value);
}
/** Returns true if this value is bigint */
function value_IsBigInt(value) {
    return typeof value === 'bigint';
}
/** Returns true if this value is a boolean */
function value_IsBoolean(value) {
    return typeof value === 'boolean';
}
/** Returns true if this value is a Date object */
function value_IsDate(value) {
    return value instanceof globalThis.Date;
}
/** Returns true if this value is a function */
function value_IsFunction(value) {
    return typeof value === 'function';
}
/** Returns true if this value is an iterator */
function value_IsIterator(value) {
    return value_IsObject(value) && !value_IsArray(value) && !value_IsUint8Array(value) && Symbol.iterator in value;
}
/** Returns true if this value is null */
function value_IsNull(value) {
    return value === null;
}
/** Returns true if this value is number */
function value_IsNumber(value) {
    return typeof value === 'number';
}
/** Returns true if this value is an object */
function value_IsObject(value) {
    return typeof value === 'object' && value !== null;
}
/** Returns true if this value is RegExp */
function value_IsRegExp(value) {
    return value instanceof globalThis.RegExp;
}
/** Returns true if this value is string */
function value_IsString(value) {
    return typeof value === 'string';
}
/** Returns true if this value is symbol */
function value_IsSymbol(value) {
    return typeof value === 'symbol';
}
/** Returns true if this value is a Uint8Array */
function value_IsUint8Array(value) {
    return value instanceof globalThis.Uint8Array;
}
/** Returns true if this value is undefined */
function value_IsUndefined(value) {
    return value === undefined;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/create/immutable.mjs

function ImmutableArray(value) {
    return globalThis.Object.freeze(value).map((value) => Immutable(value));
}
function ImmutableDate(value) {
    return value;
}
function ImmutableUint8Array(value) {
    return value;
}
function ImmutableRegExp(value) {
    return value;
}
function ImmutableObject(value) {
    const result = {};
    for (const key of Object.getOwnPropertyNames(value)) {
        result[key] = Immutable(value[key]);
    }
    for (const key of Object.getOwnPropertySymbols(value)) {
        result[key] = Immutable(value[key]);
    }
    return globalThis.Object.freeze(result);
}
/** Specialized deep immutable value. Applies freeze recursively to the given value */
// prettier-ignore
function Immutable(value) {
    return (value_IsArray(value) ? ImmutableArray(value) :
        value_IsDate(value) ? ImmutableDate(value) :
            value_IsUint8Array(value) ? ImmutableUint8Array(value) :
                value_IsRegExp(value) ? ImmutableRegExp(value) :
                    value_IsObject(value) ? ImmutableObject(value) :
                        value);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/clone/value.mjs

function ArrayType(value) {
    return value.map((value) => Visit(value));
}
function DateType(value) {
    return new Date(value.getTime());
}
function Uint8ArrayType(value) {
    return new Uint8Array(value);
}
function RegExpType(value) {
    return new RegExp(value.source, value.flags);
}
function ObjectType(value) {
    const result = {};
    for (const key of Object.getOwnPropertyNames(value)) {
        result[key] = Visit(value[key]);
    }
    for (const key of Object.getOwnPropertySymbols(value)) {
        result[key] = Visit(value[key]);
    }
    return result;
}
// prettier-ignore
function Visit(value) {
    return (value_IsArray(value) ? ArrayType(value) :
        value_IsDate(value) ? DateType(value) :
            value_IsUint8Array(value) ? Uint8ArrayType(value) :
                value_IsRegExp(value) ? RegExpType(value) :
                    value_IsObject(value) ? ObjectType(value) :
                        value);
}
/** Clones a value */
function Clone(value) {
    return Visit(value);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/create/type.mjs



/** Creates TypeBox schematics using the configured InstanceMode */
function CreateType(schema, options) {
    const result = options !== undefined ? { ...options, ...schema } : schema;
    switch (TypeSystemPolicy.InstanceMode) {
        case 'freeze':
            return Immutable(result);
        case 'clone':
            return Clone(result);
        default:
            return result;
    }
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/symbols/symbols.mjs
/** Symbol key applied to transform types */
const TransformKind = Symbol.for('TypeBox.Transform');
/** Symbol key applied to readonly types */
const symbols_ReadonlyKind = Symbol.for('TypeBox.Readonly');
/** Symbol key applied to optional types */
const OptionalKind = Symbol.for('TypeBox.Optional');
/** Symbol key applied to types */
const symbols_Hint = Symbol.for('TypeBox.Hint');
/** Symbol key applied to types */
const Kind = Symbol.for('TypeBox.Kind');

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/any/any.mjs


/** `[Json]` Creates an Any type */
function Any(options) {
    return CreateType({ [Kind]: 'Any' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/argument/argument.mjs


/** `[JavaScript]` Creates an Argument Type. */
function Argument(index) {
    return CreateType({ [Kind]: 'Argument', index });
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/array/array.mjs


/** `[Json]` Creates an Array type */
function array_Array(items, options) {
    return CreateType({ [Kind]: 'Array', type: 'array', items }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/async-iterator/async-iterator.mjs


/** `[JavaScript]` Creates a AsyncIterator type */
function AsyncIterator(items, options) {
    return CreateType({ [Kind]: 'AsyncIterator', type: 'AsyncIterator', items }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/computed/computed.mjs


/** `[Internal]` Creates a deferred computed type. This type is used exclusively in modules to defer resolution of computable types that contain interior references  */
function computed_Computed(target, parameters, options) {
    return CreateType({ [Kind]: 'Computed', target, parameters }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/never/never.mjs


/** `[Json]` Creates a Never type */
function Never(options) {
    return CreateType({ [Kind]: 'Never', not: {} }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/kind.mjs


/** `[Kind-Only]` Returns true if this value has a Readonly symbol */
function IsReadonly(value) {
    return value_IsObject(value) && value[symbols_ReadonlyKind] === 'Readonly';
}
/** `[Kind-Only]` Returns true if this value has a Optional symbol */
function IsOptional(value) {
    return value_IsObject(value) && value[OptionalKind] === 'Optional';
}
/** `[Kind-Only]` Returns true if the given value is TAny */
function IsAny(value) {
    return IsKindOf(value, 'Any');
}
/** `[Kind-Only]` Returns true if the given value is TArgument */
function IsArgument(value) {
    return IsKindOf(value, 'Argument');
}
/** `[Kind-Only]` Returns true if the given value is TArray */
function kind_IsArray(value) {
    return IsKindOf(value, 'Array');
}
/** `[Kind-Only]` Returns true if the given value is TAsyncIterator */
function kind_IsAsyncIterator(value) {
    return IsKindOf(value, 'AsyncIterator');
}
/** `[Kind-Only]` Returns true if the given value is TBigInt */
function kind_IsBigInt(value) {
    return IsKindOf(value, 'BigInt');
}
/** `[Kind-Only]` Returns true if the given value is TBoolean */
function kind_IsBoolean(value) {
    return IsKindOf(value, 'Boolean');
}
/** `[Kind-Only]` Returns true if the given value is TComputed */
function IsComputed(value) {
    return IsKindOf(value, 'Computed');
}
/** `[Kind-Only]` Returns true if the given value is TConstructor */
function IsConstructor(value) {
    return IsKindOf(value, 'Constructor');
}
/** `[Kind-Only]` Returns true if the given value is TDate */
function kind_IsDate(value) {
    return IsKindOf(value, 'Date');
}
/** `[Kind-Only]` Returns true if the given value is TFunction */
function kind_IsFunction(value) {
    return IsKindOf(value, 'Function');
}
/** `[Kind-Only]` Returns true if the given value is TInteger */
function IsImport(value) {
    return IsKindOf(value, 'Import');
}
/** `[Kind-Only]` Returns true if the given value is TInteger */
function kind_IsInteger(value) {
    return IsKindOf(value, 'Integer');
}
/** `[Kind-Only]` Returns true if the given schema is TProperties */
function IsProperties(value) {
    return ValueGuard.IsObject(value);
}
/** `[Kind-Only]` Returns true if the given value is TIntersect */
function IsIntersect(value) {
    return IsKindOf(value, 'Intersect');
}
/** `[Kind-Only]` Returns true if the given value is TIterator */
function kind_IsIterator(value) {
    return IsKindOf(value, 'Iterator');
}
/** `[Kind-Only]` Returns true if the given value is a TKind with the given name. */
function IsKindOf(value, kind) {
    return value_IsObject(value) && Kind in value && value[Kind] === kind;
}
/** `[Kind-Only]` Returns true if the given value is TLiteral<string> */
function IsLiteralString(value) {
    return IsLiteral(value) && ValueGuard.IsString(value.const);
}
/** `[Kind-Only]` Returns true if the given value is TLiteral<number> */
function IsLiteralNumber(value) {
    return IsLiteral(value) && ValueGuard.IsNumber(value.const);
}
/** `[Kind-Only]` Returns true if the given value is TLiteral<boolean> */
function IsLiteralBoolean(value) {
    return IsLiteral(value) && ValueGuard.IsBoolean(value.const);
}
/** `[Kind-Only]` Returns true if the given value is TLiteralValue */
function IsLiteralValue(value) {
    return value_IsBoolean(value) || value_IsNumber(value) || value_IsString(value);
}
/** `[Kind-Only]` Returns true if the given value is TLiteral */
function IsLiteral(value) {
    return IsKindOf(value, 'Literal');
}
/** `[Kind-Only]` Returns true if the given value is a TMappedKey */
function IsMappedKey(value) {
    return IsKindOf(value, 'MappedKey');
}
/** `[Kind-Only]` Returns true if the given value is TMappedResult */
function IsMappedResult(value) {
    return IsKindOf(value, 'MappedResult');
}
/** `[Kind-Only]` Returns true if the given value is TNever */
function IsNever(value) {
    return IsKindOf(value, 'Never');
}
/** `[Kind-Only]` Returns true if the given value is TNot */
function IsNot(value) {
    return IsKindOf(value, 'Not');
}
/** `[Kind-Only]` Returns true if the given value is TNull */
function kind_IsNull(value) {
    return IsKindOf(value, 'Null');
}
/** `[Kind-Only]` Returns true if the given value is TNumber */
function kind_IsNumber(value) {
    return IsKindOf(value, 'Number');
}
/** `[Kind-Only]` Returns true if the given value is TObject */
function kind_IsObject(value) {
    return IsKindOf(value, 'Object');
}
/** `[Kind-Only]` Returns true if the given value is TPromise */
function kind_IsPromise(value) {
    return IsKindOf(value, 'Promise');
}
/** `[Kind-Only]` Returns true if the given value is TRecord */
function IsRecord(value) {
    return IsKindOf(value, 'Record');
}
/** `[Kind-Only]` Returns true if this value is TRecursive */
function IsRecursive(value) {
    return ValueGuard.IsObject(value) && Hint in value && value[Hint] === 'Recursive';
}
/** `[Kind-Only]` Returns true if the given value is TRef */
function IsRef(value) {
    return IsKindOf(value, 'Ref');
}
/** `[Kind-Only]` Returns true if the given value is TRegExp */
function kind_IsRegExp(value) {
    return IsKindOf(value, 'RegExp');
}
/** `[Kind-Only]` Returns true if the given value is TString */
function kind_IsString(value) {
    return IsKindOf(value, 'String');
}
/** `[Kind-Only]` Returns true if the given value is TSymbol */
function kind_IsSymbol(value) {
    return IsKindOf(value, 'Symbol');
}
/** `[Kind-Only]` Returns true if the given value is TTemplateLiteral */
function IsTemplateLiteral(value) {
    return IsKindOf(value, 'TemplateLiteral');
}
/** `[Kind-Only]` Returns true if the given value is TThis */
function IsThis(value) {
    return IsKindOf(value, 'This');
}
/** `[Kind-Only]` Returns true of this value is TTransform */
function IsTransform(value) {
    return value_IsObject(value) && TransformKind in value;
}
/** `[Kind-Only]` Returns true if the given value is TTuple */
function IsTuple(value) {
    return IsKindOf(value, 'Tuple');
}
/** `[Kind-Only]` Returns true if the given value is TUndefined */
function kind_IsUndefined(value) {
    return IsKindOf(value, 'Undefined');
}
/** `[Kind-Only]` Returns true if the given value is TUnion */
function IsUnion(value) {
    return IsKindOf(value, 'Union');
}
/** `[Kind-Only]` Returns true if the given value is TUint8Array */
function kind_IsUint8Array(value) {
    return IsKindOf(value, 'Uint8Array');
}
/** `[Kind-Only]` Returns true if the given value is TUnknown */
function IsUnknown(value) {
    return IsKindOf(value, 'Unknown');
}
/** `[Kind-Only]` Returns true if the given value is a raw TUnsafe */
function IsUnsafe(value) {
    return IsKindOf(value, 'Unsafe');
}
/** `[Kind-Only]` Returns true if the given value is TVoid */
function IsVoid(value) {
    return IsKindOf(value, 'Void');
}
/** `[Kind-Only]` Returns true if the given value is TKind */
function IsKind(value) {
    return value_IsObject(value) && Kind in value && value_IsString(value[Kind]);
}
/** `[Kind-Only]` Returns true if the given value is TSchema */
function IsSchema(value) {
    // prettier-ignore
    return (IsAny(value) ||
        IsArgument(value) ||
        kind_IsArray(value) ||
        kind_IsBoolean(value) ||
        kind_IsBigInt(value) ||
        kind_IsAsyncIterator(value) ||
        IsComputed(value) ||
        IsConstructor(value) ||
        kind_IsDate(value) ||
        kind_IsFunction(value) ||
        kind_IsInteger(value) ||
        IsIntersect(value) ||
        kind_IsIterator(value) ||
        IsLiteral(value) ||
        IsMappedKey(value) ||
        IsMappedResult(value) ||
        IsNever(value) ||
        IsNot(value) ||
        kind_IsNull(value) ||
        kind_IsNumber(value) ||
        kind_IsObject(value) ||
        kind_IsPromise(value) ||
        IsRecord(value) ||
        IsRef(value) ||
        kind_IsRegExp(value) ||
        kind_IsString(value) ||
        kind_IsSymbol(value) ||
        IsTemplateLiteral(value) ||
        IsThis(value) ||
        IsTuple(value) ||
        kind_IsUndefined(value) ||
        IsUnion(value) ||
        kind_IsUint8Array(value) ||
        IsUnknown(value) ||
        IsUnsafe(value) ||
        IsVoid(value) ||
        IsKind(value));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intersect/intersect-create.mjs


// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// IntersectCreate
// ------------------------------------------------------------------
// prettier-ignore
function IntersectCreate(T, options = {}) {
    const allObjects = T.every((schema) => kind_IsObject(schema));
    const clonedUnevaluatedProperties = IsSchema(options.unevaluatedProperties)
        ? { unevaluatedProperties: options.unevaluatedProperties }
        : {};
    return CreateType((options.unevaluatedProperties === false || IsSchema(options.unevaluatedProperties) || allObjects
        ? { ...clonedUnevaluatedProperties, [Kind]: 'Intersect', type: 'object', allOf: T }
        : { ...clonedUnevaluatedProperties, [Kind]: 'Intersect', allOf: T }), options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intersect/intersect.mjs



// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

/** `[Json]` Creates an evaluated Intersect type */
function Intersect(types, options) {
    if (types.length === 1)
        return CreateType(types[0], options);
    if (types.length === 0)
        return Never(options);
    if (types.some((schema) => IsTransform(schema)))
        throw new Error('Cannot intersect transform types');
    return IntersectCreate(types, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/union/union-create.mjs


function UnionCreate(T, options) {
    return CreateType({ [Kind]: 'Union', anyOf: T }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/union/union.mjs



/** `[Json]` Creates a Union type */
function Union(types, options) {
    // prettier-ignore
    return (types.length === 0 ? Never(options) :
        types.length === 1 ? CreateType(types[0], options) :
            UnionCreate(types, options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/error/error.mjs
/** The base Error type thrown for all TypeBox exceptions  */
class error_TypeBoxError extends Error {
    constructor(message) {
        super(message);
    }
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/ref/ref.mjs



/** `[Json]` Creates a Ref type. The referenced type must contain a $id */
function Ref(...args) {
    const [$ref, options] = typeof args[0] === 'string' ? [args[0], args[1]] : [args[0].$id, args[1]];
    if (typeof $ref !== 'string')
        throw new error_TypeBoxError('Ref: $ref must be a string');
    return CreateType({ [Kind]: 'Ref', $ref }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/awaited/awaited.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromComputed(target, parameters) {
    return computed_Computed('Awaited', [computed_Computed(target, parameters)]);
}
// prettier-ignore
function FromRef($ref) {
    return computed_Computed('Awaited', [Ref($ref)]);
}
// prettier-ignore
function FromIntersect(types) {
    return Intersect(FromRest(types));
}
// prettier-ignore
function FromUnion(types) {
    return Union(FromRest(types));
}
// prettier-ignore
function FromPromise(type) {
    return Awaited(type);
}
// prettier-ignore
function FromRest(types) {
    return types.map(type => Awaited(type));
}
/** `[JavaScript]` Constructs a type by recursively unwrapping Promise types */
function Awaited(type, options) {
    return CreateType(IsComputed(type) ? FromComputed(type.target, type.parameters) : IsIntersect(type) ? FromIntersect(type.allOf) : IsUnion(type) ? FromUnion(type.anyOf) : kind_IsPromise(type) ? FromPromise(type.item) : IsRef(type) ? FromRef(type.$ref) : type, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/bigint/bigint.mjs


/** `[JavaScript]` Creates a BigInt type */
function BigInt(options) {
    return CreateType({ [Kind]: 'BigInt', type: 'bigint' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/boolean/boolean.mjs


/** `[Json]` Creates a Boolean type */
function Boolean(options) {
    return CreateType({ [Kind]: 'Boolean', type: 'boolean' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/discard/discard.mjs
function DiscardKey(value, key) {
    const { [key]: _, ...rest } = value;
    return rest;
}
/** Discards property keys from the given value. This function returns a shallow Clone. */
function Discard(value, keys) {
    return keys.reduce((acc, key) => DiscardKey(acc, key), value);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/mapped/mapped-result.mjs


// prettier-ignore
function MappedResult(properties) {
    return CreateType({
        [Kind]: 'MappedResult',
        properties
    });
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/optional/optional-from-mapped-result.mjs


// prettier-ignore
function FromProperties(P, F) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Optional(P[K2], F);
    return Acc;
}
// prettier-ignore
function FromMappedResult(R, F) {
    return FromProperties(R.properties, F);
}
// prettier-ignore
function OptionalFromMappedResult(R, F) {
    const P = FromMappedResult(R, F);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/optional/optional.mjs





function RemoveOptional(schema) {
    return CreateType(Discard(schema, [OptionalKind]));
}
function AddOptional(schema) {
    return CreateType({ ...schema, [OptionalKind]: 'Optional' });
}
// prettier-ignore
function OptionalWithFlag(schema, F) {
    return (F === false
        ? RemoveOptional(schema)
        : AddOptional(schema));
}
/** `[Json]` Creates a Optional property */
function Optional(schema, enable) {
    const F = enable ?? true;
    return IsMappedResult(schema) ? OptionalFromMappedResult(schema, F) : OptionalWithFlag(schema, F);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intersect/intersect-evaluated.mjs






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function IsIntersectOptional(types) {
    return types.every(left => IsOptional(left));
}
// prettier-ignore
function RemoveOptionalFromType(type) {
    return (Discard(type, [OptionalKind]));
}
// prettier-ignore
function RemoveOptionalFromRest(types) {
    return types.map(left => IsOptional(left) ? RemoveOptionalFromType(left) : left);
}
// prettier-ignore
function ResolveIntersect(types, options) {
    return (IsIntersectOptional(types)
        ? Optional(IntersectCreate(RemoveOptionalFromRest(types), options))
        : IntersectCreate(RemoveOptionalFromRest(types), options));
}
/** `[Json]` Creates an evaluated Intersect type */
function IntersectEvaluated(types, options = {}) {
    if (types.length === 1)
        return CreateType(types[0], options);
    if (types.length === 0)
        return Never(options);
    if (types.some((schema) => IsTransform(schema)))
        throw new Error('Cannot intersect transform types');
    return ResolveIntersect(types, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/union/union-evaluated.mjs






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function IsUnionOptional(types) {
    return types.some(type => IsOptional(type));
}
// prettier-ignore
function union_evaluated_RemoveOptionalFromRest(types) {
    return types.map(left => IsOptional(left) ? union_evaluated_RemoveOptionalFromType(left) : left);
}
// prettier-ignore
function union_evaluated_RemoveOptionalFromType(T) {
    return (Discard(T, [OptionalKind]));
}
// prettier-ignore
function ResolveUnion(types, options) {
    const isOptional = IsUnionOptional(types);
    return (isOptional
        ? Optional(UnionCreate(union_evaluated_RemoveOptionalFromRest(types), options))
        : UnionCreate(union_evaluated_RemoveOptionalFromRest(types), options));
}
/** `[Json]` Creates an evaluated Union type */
function UnionEvaluated(T, options) {
    // prettier-ignore
    return (T.length === 1 ? CreateType(T[0], options) :
        T.length === 0 ? Never(options) :
            ResolveUnion(T, options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/parse.mjs

// ------------------------------------------------------------------
// TemplateLiteralParserError
// ------------------------------------------------------------------
class TemplateLiteralParserError extends error_TypeBoxError {
}
// -------------------------------------------------------------------
// Unescape
//
// Unescape for these control characters specifically. Note that this
// function is only called on non union group content, and where we
// still want to allow the user to embed control characters in that
// content. For review.
// -------------------------------------------------------------------
// prettier-ignore
function Unescape(pattern) {
    return pattern
        .replace(/\\\$/g, '$')
        .replace(/\\\*/g, '*')
        .replace(/\\\^/g, '^')
        .replace(/\\\|/g, '|')
        .replace(/\\\(/g, '(')
        .replace(/\\\)/g, ')');
}
// -------------------------------------------------------------------
// Control Characters
// -------------------------------------------------------------------
function IsNonEscaped(pattern, index, char) {
    return pattern[index] === char && pattern.charCodeAt(index - 1) !== 92;
}
function IsOpenParen(pattern, index) {
    return IsNonEscaped(pattern, index, '(');
}
function IsCloseParen(pattern, index) {
    return IsNonEscaped(pattern, index, ')');
}
function IsSeparator(pattern, index) {
    return IsNonEscaped(pattern, index, '|');
}
// -------------------------------------------------------------------
// Control Groups
// -------------------------------------------------------------------
function IsGroup(pattern) {
    if (!(IsOpenParen(pattern, 0) && IsCloseParen(pattern, pattern.length - 1)))
        return false;
    let count = 0;
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            count += 1;
        if (IsCloseParen(pattern, index))
            count -= 1;
        if (count === 0 && index !== pattern.length - 1)
            return false;
    }
    return true;
}
// prettier-ignore
function InGroup(pattern) {
    return pattern.slice(1, pattern.length - 1);
}
// prettier-ignore
function IsPrecedenceOr(pattern) {
    let count = 0;
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            count += 1;
        if (IsCloseParen(pattern, index))
            count -= 1;
        if (IsSeparator(pattern, index) && count === 0)
            return true;
    }
    return false;
}
// prettier-ignore
function IsPrecedenceAnd(pattern) {
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            return true;
    }
    return false;
}
// prettier-ignore
function Or(pattern) {
    let [count, start] = [0, 0];
    const expressions = [];
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index))
            count += 1;
        if (IsCloseParen(pattern, index))
            count -= 1;
        if (IsSeparator(pattern, index) && count === 0) {
            const range = pattern.slice(start, index);
            if (range.length > 0)
                expressions.push(TemplateLiteralParse(range));
            start = index + 1;
        }
    }
    const range = pattern.slice(start);
    if (range.length > 0)
        expressions.push(TemplateLiteralParse(range));
    if (expressions.length === 0)
        return { type: 'const', const: '' };
    if (expressions.length === 1)
        return expressions[0];
    return { type: 'or', expr: expressions };
}
// prettier-ignore
function And(pattern) {
    function Group(value, index) {
        if (!IsOpenParen(value, index))
            throw new TemplateLiteralParserError(`TemplateLiteralParser: Index must point to open parens`);
        let count = 0;
        for (let scan = index; scan < value.length; scan++) {
            if (IsOpenParen(value, scan))
                count += 1;
            if (IsCloseParen(value, scan))
                count -= 1;
            if (count === 0)
                return [index, scan];
        }
        throw new TemplateLiteralParserError(`TemplateLiteralParser: Unclosed group parens in expression`);
    }
    function Range(pattern, index) {
        for (let scan = index; scan < pattern.length; scan++) {
            if (IsOpenParen(pattern, scan))
                return [index, scan];
        }
        return [index, pattern.length];
    }
    const expressions = [];
    for (let index = 0; index < pattern.length; index++) {
        if (IsOpenParen(pattern, index)) {
            const [start, end] = Group(pattern, index);
            const range = pattern.slice(start, end + 1);
            expressions.push(TemplateLiteralParse(range));
            index = end;
        }
        else {
            const [start, end] = Range(pattern, index);
            const range = pattern.slice(start, end);
            if (range.length > 0)
                expressions.push(TemplateLiteralParse(range));
            index = end - 1;
        }
    }
    return ((expressions.length === 0) ? { type: 'const', const: '' } :
        (expressions.length === 1) ? expressions[0] :
            { type: 'and', expr: expressions });
}
// ------------------------------------------------------------------
// TemplateLiteralParse
// ------------------------------------------------------------------
/** Parses a pattern and returns an expression tree */
function TemplateLiteralParse(pattern) {
    // prettier-ignore
    return (IsGroup(pattern) ? TemplateLiteralParse(InGroup(pattern)) :
        IsPrecedenceOr(pattern) ? Or(pattern) :
            IsPrecedenceAnd(pattern) ? And(pattern) :
                { type: 'const', const: Unescape(pattern) });
}
// ------------------------------------------------------------------
// TemplateLiteralParseExact
// ------------------------------------------------------------------
/** Parses a pattern and strips forward and trailing ^ and $ */
function TemplateLiteralParseExact(pattern) {
    return TemplateLiteralParse(pattern.slice(1, pattern.length - 1));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/finite.mjs


// ------------------------------------------------------------------
// TemplateLiteralFiniteError
// ------------------------------------------------------------------
class TemplateLiteralFiniteError extends error_TypeBoxError {
}
// ------------------------------------------------------------------
// IsTemplateLiteralFiniteCheck
// ------------------------------------------------------------------
// prettier-ignore
function IsNumberExpression(expression) {
    return (expression.type === 'or' &&
        expression.expr.length === 2 &&
        expression.expr[0].type === 'const' &&
        expression.expr[0].const === '0' &&
        expression.expr[1].type === 'const' &&
        expression.expr[1].const === '[1-9][0-9]*');
}
// prettier-ignore
function IsBooleanExpression(expression) {
    return (expression.type === 'or' &&
        expression.expr.length === 2 &&
        expression.expr[0].type === 'const' &&
        expression.expr[0].const === 'true' &&
        expression.expr[1].type === 'const' &&
        expression.expr[1].const === 'false');
}
// prettier-ignore
function IsStringExpression(expression) {
    return expression.type === 'const' && expression.const === '.*';
}
// ------------------------------------------------------------------
// IsTemplateLiteralExpressionFinite
// ------------------------------------------------------------------
// prettier-ignore
function IsTemplateLiteralExpressionFinite(expression) {
    return (IsNumberExpression(expression) || IsStringExpression(expression) ? false :
        IsBooleanExpression(expression) ? true :
            (expression.type === 'and') ? expression.expr.every((expr) => IsTemplateLiteralExpressionFinite(expr)) :
                (expression.type === 'or') ? expression.expr.every((expr) => IsTemplateLiteralExpressionFinite(expr)) :
                    (expression.type === 'const') ? true :
                        (() => { throw new TemplateLiteralFiniteError(`Unknown expression type`); })());
}
/** Returns true if this TemplateLiteral resolves to a finite set of values */
function IsTemplateLiteralFinite(schema) {
    const expression = TemplateLiteralParseExact(schema.pattern);
    return IsTemplateLiteralExpressionFinite(expression);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/generate.mjs



// ------------------------------------------------------------------
// TemplateLiteralGenerateError
// ------------------------------------------------------------------
class TemplateLiteralGenerateError extends error_TypeBoxError {
}
// ------------------------------------------------------------------
// TemplateLiteralExpressionGenerate
// ------------------------------------------------------------------
// prettier-ignore
function* GenerateReduce(buffer) {
    if (buffer.length === 1)
        return yield* buffer[0];
    for (const left of buffer[0]) {
        for (const right of GenerateReduce(buffer.slice(1))) {
            yield `${left}${right}`;
        }
    }
}
// prettier-ignore
function* GenerateAnd(expression) {
    return yield* GenerateReduce(expression.expr.map((expr) => [...TemplateLiteralExpressionGenerate(expr)]));
}
// prettier-ignore
function* GenerateOr(expression) {
    for (const expr of expression.expr)
        yield* TemplateLiteralExpressionGenerate(expr);
}
// prettier-ignore
function* GenerateConst(expression) {
    return yield expression.const;
}
function* TemplateLiteralExpressionGenerate(expression) {
    return expression.type === 'and'
        ? yield* GenerateAnd(expression)
        : expression.type === 'or'
            ? yield* GenerateOr(expression)
            : expression.type === 'const'
                ? yield* GenerateConst(expression)
                : (() => {
                    throw new TemplateLiteralGenerateError('Unknown expression');
                })();
}
/** Generates a tuple of strings from the given TemplateLiteral. Returns an empty tuple if infinite. */
function TemplateLiteralGenerate(schema) {
    const expression = TemplateLiteralParseExact(schema.pattern);
    // prettier-ignore
    return (IsTemplateLiteralExpressionFinite(expression)
        ? [...TemplateLiteralExpressionGenerate(expression)]
        : []);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-property-keys.mjs

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function FromTemplateLiteral(templateLiteral) {
    const keys = TemplateLiteralGenerate(templateLiteral);
    return keys.map(key => key.toString());
}
// prettier-ignore
function indexed_property_keys_FromUnion(types) {
    const result = [];
    for (const type of types)
        result.push(...IndexPropertyKeys(type));
    return result;
}
// prettier-ignore
function FromLiteral(literalValue) {
    return ([literalValue.toString()] // TS 5.4 observes TLiteralValue as not having a toString()
    );
}
/** Returns a tuple of PropertyKeys derived from the given TSchema */
// prettier-ignore
function IndexPropertyKeys(type) {
    return [...new Set((IsTemplateLiteral(type) ? FromTemplateLiteral(type) :
            IsUnion(type) ? indexed_property_keys_FromUnion(type.anyOf) :
                IsLiteral(type) ? FromLiteral(type.const) :
                    kind_IsNumber(type) ? ['[number]'] :
                        kind_IsInteger(type) ? ['[number]'] :
                            []))];
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-from-mapped-key.mjs



// prettier-ignore
function MappedIndexPropertyKey(type, key, options) {
    return { [key]: Index(type, [key], Clone(options)) };
}
// prettier-ignore
function MappedIndexPropertyKeys(type, propertyKeys, options) {
    return propertyKeys.reduce((result, left) => {
        return { ...result, ...MappedIndexPropertyKey(type, left, options) };
    }, {});
}
// prettier-ignore
function MappedIndexProperties(type, mappedKey, options) {
    return MappedIndexPropertyKeys(type, mappedKey.keys, options);
}
// prettier-ignore
function IndexFromMappedKey(type, mappedKey, options) {
    const properties = MappedIndexProperties(type, mappedKey, options);
    return MappedResult(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-from-mapped-result.mjs



// prettier-ignore
function indexed_from_mapped_result_FromProperties(type, properties, options) {
    const result = {};
    for (const K2 of Object.getOwnPropertyNames(properties)) {
        result[K2] = Index(type, IndexPropertyKeys(properties[K2]), options);
    }
    return result;
}
// prettier-ignore
function indexed_from_mapped_result_FromMappedResult(type, mappedResult, options) {
    return indexed_from_mapped_result_FromProperties(type, mappedResult.properties, options);
}
// prettier-ignore
function IndexFromMappedResult(type, mappedResult, options) {
    const properties = indexed_from_mapped_result_FromMappedResult(type, mappedResult, options);
    return MappedResult(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/indexed/indexed.mjs









// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function indexed_FromRest(types, key) {
    return types.map(type => IndexFromPropertyKey(type, key));
}
// prettier-ignore
function FromIntersectRest(types) {
    return types.filter(type => !IsNever(type));
}
// prettier-ignore
function indexed_FromIntersect(types, key) {
    return (IntersectEvaluated(FromIntersectRest(indexed_FromRest(types, key))));
}
// prettier-ignore
function FromUnionRest(types) {
    return (types.some(L => IsNever(L))
        ? []
        : types);
}
// prettier-ignore
function indexed_FromUnion(types, key) {
    return (UnionEvaluated(FromUnionRest(indexed_FromRest(types, key))));
}
// prettier-ignore
function FromTuple(types, key) {
    return (key in types ? types[key] :
        key === '[number]' ? UnionEvaluated(types) :
            Never());
}
// prettier-ignore
function FromArray(type, key) {
    return (key === '[number]'
        ? type
        : Never());
}
// prettier-ignore
function FromProperty(properties, propertyKey) {
    return (propertyKey in properties ? properties[propertyKey] : Never());
}
// prettier-ignore
function IndexFromPropertyKey(type, propertyKey) {
    return (IsIntersect(type) ? indexed_FromIntersect(type.allOf, propertyKey) :
        IsUnion(type) ? indexed_FromUnion(type.anyOf, propertyKey) :
            IsTuple(type) ? FromTuple(type.items ?? [], propertyKey) :
                kind_IsArray(type) ? FromArray(type.items, propertyKey) :
                    kind_IsObject(type) ? FromProperty(type.properties, propertyKey) :
                        Never());
}
// prettier-ignore
function IndexFromPropertyKeys(type, propertyKeys) {
    return propertyKeys.map(propertyKey => IndexFromPropertyKey(type, propertyKey));
}
// prettier-ignore
function FromSchema(type, propertyKeys) {
    return (UnionEvaluated(IndexFromPropertyKeys(type, propertyKeys)));
}
// prettier-ignore
function IndexFromComputed(type, key) {
    return Computed('Index', [type, key]);
}
/** `[Json]` Returns an Indexed property type for the given keys */
function Index(type, key, options) {
    // computed-type
    if (IsRef(type) || IsRef(key)) {
        const error = `Index types using Ref parameters require both Type and Key to be of TSchema`;
        if (!IsSchema(type) || !IsSchema(key))
            throw new error_TypeBoxError(error);
        return computed_Computed('Index', [type, key]);
    }
    // mapped-types
    if (IsMappedResult(key))
        return IndexFromMappedResult(type, key, options);
    if (IsMappedKey(key))
        return IndexFromMappedKey(type, key, options);
    // prettier-ignore
    return CreateType(IsSchema(key)
        ? FromSchema(type, IndexPropertyKeys(key))
        : FromSchema(type, key), options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/sets/set.mjs
/** Returns true if element right is in the set of left */
// prettier-ignore
function SetIncludes(T, S) {
    return T.includes(S);
}
/** Returns true if left is a subset of right */
function SetIsSubset(T, S) {
    return T.every((L) => SetIncludes(S, L));
}
/** Returns a distinct set of elements */
function SetDistinct(T) {
    return [...new Set(T)];
}
/** Returns the Intersect of the given sets */
function SetIntersect(T, S) {
    return T.filter((L) => S.includes(L));
}
/** Returns the Union of the given sets */
function SetUnion(T, S) {
    return [...T, ...S];
}
/** Returns the Complement by omitting elements in T that are in S */
// prettier-ignore
function SetComplement(T, S) {
    return T.filter(L => !S.includes(L));
}
// prettier-ignore
function SetIntersectManyResolve(T, Init) {
    return T.reduce((Acc, L) => {
        return SetIntersect(Acc, L);
    }, Init);
}
// prettier-ignore
function SetIntersectMany(T) {
    return (T.length === 1
        ? T[0]
        // Use left to initialize the accumulator for resolve
        : T.length > 1
            ? SetIntersectManyResolve(T.slice(1), T[0])
            : []);
}
/** Returns the Union of multiple sets */
function SetUnionMany(T) {
    const Acc = [];
    for (const L of T)
        Acc.push(...L);
    return Acc;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-property-keys.mjs

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function keyof_property_keys_FromRest(types) {
    const result = [];
    for (const L of types)
        result.push(KeyOfPropertyKeys(L));
    return result;
}
// prettier-ignore
function keyof_property_keys_FromIntersect(types) {
    const propertyKeysArray = keyof_property_keys_FromRest(types);
    const propertyKeys = SetUnionMany(propertyKeysArray);
    return propertyKeys;
}
// prettier-ignore
function keyof_property_keys_FromUnion(types) {
    const propertyKeysArray = keyof_property_keys_FromRest(types);
    const propertyKeys = SetIntersectMany(propertyKeysArray);
    return propertyKeys;
}
// prettier-ignore
function keyof_property_keys_FromTuple(types) {
    return types.map((_, indexer) => indexer.toString());
}
// prettier-ignore
function keyof_property_keys_FromArray(_) {
    return (['[number]']);
}
// prettier-ignore
function keyof_property_keys_FromProperties(T) {
    return (globalThis.Object.getOwnPropertyNames(T));
}
// ------------------------------------------------------------------
// FromPatternProperties
// ------------------------------------------------------------------
// prettier-ignore
function FromPatternProperties(patternProperties) {
    if (!includePatternProperties)
        return [];
    const patternPropertyKeys = globalThis.Object.getOwnPropertyNames(patternProperties);
    return patternPropertyKeys.map(key => {
        return (key[0] === '^' && key[key.length - 1] === '$')
            ? key.slice(1, key.length - 1)
            : key;
    });
}
/** Returns a tuple of PropertyKeys derived from the given TSchema. */
// prettier-ignore
function KeyOfPropertyKeys(type) {
    return (IsIntersect(type) ? keyof_property_keys_FromIntersect(type.allOf) :
        IsUnion(type) ? keyof_property_keys_FromUnion(type.anyOf) :
            IsTuple(type) ? keyof_property_keys_FromTuple(type.items ?? []) :
                kind_IsArray(type) ? keyof_property_keys_FromArray(type.items) :
                    kind_IsObject(type) ? keyof_property_keys_FromProperties(type.properties) :
                        IsRecord(type) ? FromPatternProperties(type.patternProperties) :
                            []);
}
// ----------------------------------------------------------------
// KeyOfPattern
// ----------------------------------------------------------------
let includePatternProperties = false;
/** Returns a regular expression pattern derived from the given TSchema */
function KeyOfPattern(schema) {
    includePatternProperties = true;
    const keys = KeyOfPropertyKeys(schema);
    includePatternProperties = false;
    const pattern = keys.map((key) => `(${key})`);
    return `^(${pattern.join('|')})$`;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/object/object.mjs


// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

/** Creates a RequiredArray derived from the given TProperties value. */
function RequiredArray(properties) {
    return globalThis.Object.keys(properties).filter((key) => !IsOptional(properties[key]));
}
/** `[Json]` Creates an Object type */
function _Object_(properties, options) {
    const required = RequiredArray(properties);
    const schema = required.length > 0 ? { [Kind]: 'Object', type: 'object', required, properties } : { [Kind]: 'Object', type: 'object', properties };
    return CreateType(schema, options);
}
// ------------------------------------------------------------------
// TypeScript 7: CommonJS TS2441
//
// TypeScript generates a CommonJS shim that patches local variables
// via an unqualified reference to Object (e.g. the __esModule shim's
// Object.defineProperty call). Other compiler tools have been
// observed patching in the same way, but TypeScript 7 has correctly
// begun flagging variables named Object in CommonJS, since they
// conflict with the shim and can cause "used before definition"
// errors. This is CommonJS-specific; no such shim exists for ESM.
//
// TypeBox works around this using a `var` declaration, which is
// known to avoid use-before-definition errors. TypeBox 1.x employs
// a similar strategy.
// ------------------------------------------------------------------
/** `[Json]` Creates an Object type */
// @ts-ignore - error TS2441: Duplicate identifier 'Object'. Compiler reserves name 'Object' in top level scope of a module.
var object_Object = _Object_;

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/composite/composite.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function CompositeKeys(T) {
    const Acc = [];
    for (const L of T)
        Acc.push(...KeyOfPropertyKeys(L));
    return SetDistinct(Acc);
}
// prettier-ignore
function FilterNever(T) {
    return T.filter(L => !IsNever(L));
}
// prettier-ignore
function CompositeProperty(T, K) {
    const Acc = [];
    for (const L of T)
        Acc.push(...IndexFromPropertyKeys(L, [K]));
    return FilterNever(Acc);
}
// prettier-ignore
function CompositeProperties(T, K) {
    const Acc = {};
    for (const L of K) {
        Acc[L] = IntersectEvaluated(CompositeProperty(T, L));
    }
    return Acc;
}
// prettier-ignore
function Composite(T, options) {
    const K = CompositeKeys(T);
    const P = CompositeProperties(T, K);
    const R = object_Object(P, options);
    return R;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/date/date.mjs


/** `[JavaScript]` Creates a Date type */
function date_Date(options) {
    return CreateType({ [Kind]: 'Date', type: 'Date' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/function/function.mjs


/** `[JavaScript]` Creates a Function type */
function Function(parameters, returns, options) {
    return CreateType({ [Kind]: 'Function', type: 'Function', parameters, returns }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/literal/literal.mjs


/** `[Json]` Creates a Literal type */
function Literal(value, options) {
    return CreateType({
        [Kind]: 'Literal',
        const: value,
        type: typeof value,
    }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/null/null.mjs


/** `[Json]` Creates a Null type */
function Null(options) {
    return CreateType({ [Kind]: 'Null', type: 'null' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/symbol/symbol.mjs


/** `[JavaScript]` Creates a Symbol type */
function symbol_Symbol(options) {
    return CreateType({ [Kind]: 'Symbol', type: 'symbol' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/tuple/tuple.mjs


/** `[Json]` Creates a Tuple type */
function Tuple(types, options) {
    // prettier-ignore
    return CreateType(types.length > 0 ?
        { [Kind]: 'Tuple', type: 'array', items: types, additionalItems: false, minItems: types.length, maxItems: types.length } :
        { [Kind]: 'Tuple', type: 'array', minItems: types.length, maxItems: types.length }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/readonly/readonly-from-mapped-result.mjs


// prettier-ignore
function readonly_from_mapped_result_FromProperties(K, F) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(K))
        Acc[K2] = Readonly(K[K2], F);
    return Acc;
}
// prettier-ignore
function readonly_from_mapped_result_FromMappedResult(R, F) {
    return readonly_from_mapped_result_FromProperties(R.properties, F);
}
// prettier-ignore
function ReadonlyFromMappedResult(R, F) {
    const P = readonly_from_mapped_result_FromMappedResult(R, F);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/readonly/readonly.mjs





function RemoveReadonly(schema) {
    return CreateType(Discard(schema, [symbols_ReadonlyKind]));
}
function AddReadonly(schema) {
    return CreateType({ ...schema, [symbols_ReadonlyKind]: 'Readonly' });
}
// prettier-ignore
function ReadonlyWithFlag(schema, F) {
    return (F === false
        ? RemoveReadonly(schema)
        : AddReadonly(schema));
}
/** `[Json]` Creates a Readonly property */
function Readonly(schema, enable) {
    const F = enable ?? true;
    return IsMappedResult(schema) ? ReadonlyFromMappedResult(schema, F) : ReadonlyWithFlag(schema, F);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/undefined/undefined.mjs


/** `[JavaScript]` Creates a Undefined type */
function Undefined(options) {
    return CreateType({ [Kind]: 'Undefined', type: 'undefined' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/uint8array/uint8array.mjs


/** `[JavaScript]` Creates a Uint8Array type */
function uint8array_Uint8Array(options) {
    return CreateType({ [Kind]: 'Uint8Array', type: 'Uint8Array' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/unknown/unknown.mjs


/** `[Json]` Creates an Unknown type */
function Unknown(options) {
    return CreateType({ [Kind]: 'Unknown' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/const/const.mjs














// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// prettier-ignore
function const_FromArray(T) {
    return T.map(L => FromValue(L, false));
}
// prettier-ignore
function const_FromProperties(value) {
    const Acc = {};
    for (const K of globalThis.Object.getOwnPropertyNames(value))
        Acc[K] = Readonly(FromValue(value[K], false));
    return Acc;
}
function ConditionalReadonly(T, root) {
    return (root === true ? T : Readonly(T));
}
// prettier-ignore
function FromValue(value, root) {
    return (value_IsAsyncIterator(value) ? ConditionalReadonly(Any(), root) :
        value_IsIterator(value) ? ConditionalReadonly(Any(), root) :
            value_IsArray(value) ? Readonly(Tuple(const_FromArray(value))) :
                value_IsUint8Array(value) ? uint8array_Uint8Array() :
                    value_IsDate(value) ? date_Date() :
                        value_IsObject(value) ? ConditionalReadonly(object_Object(const_FromProperties(value)), root) :
                            value_IsFunction(value) ? ConditionalReadonly(Function([], Unknown()), root) :
                                value_IsUndefined(value) ? Undefined() :
                                    value_IsNull(value) ? Null() :
                                        value_IsSymbol(value) ? symbol_Symbol() :
                                            value_IsBigInt(value) ? BigInt() :
                                                value_IsNumber(value) ? Literal(value) :
                                                    value_IsBoolean(value) ? Literal(value) :
                                                        value_IsString(value) ? Literal(value) :
                                                            object_Object({}));
}
/** `[JavaScript]` Creates a readonly const type from the given value. */
function Const(T, options) {
    return CreateType(FromValue(T, true), options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/constructor/constructor.mjs


/** `[JavaScript]` Creates a Constructor type */
function Constructor(parameters, returns, options) {
    return CreateType({ [Kind]: 'Constructor', type: 'Constructor', parameters, returns }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/constructor-parameters/constructor-parameters.mjs



/** `[JavaScript]` Extracts the ConstructorParameters from the given Constructor type */
function ConstructorParameters(schema, options) {
    return (IsConstructor(schema) ? Tuple(schema.parameters, options) : Never(options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/enum/enum.mjs



// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

/** `[Json]` Creates a Enum type */
function Enum(item, options) {
    if (value_IsUndefined(item))
        throw new Error('Enum undefined or empty');
    const values1 = globalThis.Object.getOwnPropertyNames(item)
        .filter((key) => isNaN(key))
        .map((key) => item[key]);
    const values2 = [...new Set(values1)];
    const anyOf = values2.map((value) => Literal(value));
    return Union(anyOf, { ...options, [symbols_Hint]: 'Enum' });
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/number/number.mjs


/** `[Json]` Creates a Number type */
function number_Number(options) {
    return CreateType({ [Kind]: 'Number', type: 'number' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/string/string.mjs


/** `[Json]` Creates a String type */
function string_String(options) {
    return CreateType({ [Kind]: 'String', type: 'string' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/union.mjs



/** Returns a Union from the given TemplateLiteral */
function TemplateLiteralToUnion(schema) {
    const R = TemplateLiteralGenerate(schema);
    const L = R.map((S) => Literal(S));
    return UnionEvaluated(L);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/patterns/patterns.mjs
const PatternBoolean = '(true|false)';
const PatternNumber = '(0|[1-9][0-9]*)';
const PatternString = '(.*)';
const PatternNever = '(?!.*)';
const PatternBooleanExact = (/* unused pure expression or super */ null && (`^${PatternBoolean}$`));
const PatternNumberExact = `^${PatternNumber}$`;
const PatternStringExact = `^${PatternString}$`;
const PatternNeverExact = `^${PatternNever}$`;

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/guard/type.mjs



class TypeGuardUnknownTypeError extends (/* unused pure expression or super */ null && (TypeBoxError)) {
}
const KnownTypes = [
    'Argument',
    'Any',
    'Array',
    'AsyncIterator',
    'BigInt',
    'Boolean',
    'Computed',
    'Constructor',
    'Date',
    'Enum',
    'Function',
    'Integer',
    'Intersect',
    'Iterator',
    'Literal',
    'MappedKey',
    'MappedResult',
    'Not',
    'Null',
    'Number',
    'Object',
    'Promise',
    'Record',
    'Ref',
    'RegExp',
    'String',
    'Symbol',
    'TemplateLiteral',
    'This',
    'Tuple',
    'Undefined',
    'Union',
    'Uint8Array',
    'Unknown',
    'Void',
];
function IsPattern(value) {
    try {
        new RegExp(value);
        return true;
    }
    catch {
        return false;
    }
}
function IsControlCharacterFree(value) {
    if (!value_IsString(value))
        return false;
    for (let i = 0; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if ((code >= 7 && code <= 13) || code === 27 || code === 127) {
            return false;
        }
    }
    return true;
}
function IsAdditionalProperties(value) {
    return IsOptionalBoolean(value) || type_IsSchema(value);
}
function IsOptionalBigInt(value) {
    return value_IsUndefined(value) || value_IsBigInt(value);
}
function IsOptionalNumber(value) {
    return value_IsUndefined(value) || value_IsNumber(value);
}
function IsOptionalBoolean(value) {
    return value_IsUndefined(value) || value_IsBoolean(value);
}
function IsOptionalString(value) {
    return value_IsUndefined(value) || value_IsString(value);
}
function IsOptionalPattern(value) {
    return value_IsUndefined(value) || (value_IsString(value) && IsControlCharacterFree(value) && IsPattern(value));
}
function IsOptionalFormat(value) {
    return value_IsUndefined(value) || (value_IsString(value) && IsControlCharacterFree(value));
}
function IsOptionalSchema(value) {
    return value_IsUndefined(value) || type_IsSchema(value);
}
// ------------------------------------------------------------------
// Modifiers
// ------------------------------------------------------------------
/** Returns true if this value has a Readonly symbol */
function type_IsReadonly(value) {
    return ValueGuard.IsObject(value) && value[ReadonlyKind] === 'Readonly';
}
/** Returns true if this value has a Optional symbol */
function type_IsOptional(value) {
    return value_IsObject(value) && value[OptionalKind] === 'Optional';
}
// ------------------------------------------------------------------
// Types
// ------------------------------------------------------------------
/** Returns true if the given value is TAny */
function type_IsAny(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Any') &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TArgument */
function type_IsArgument(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Argument') &&
        value_IsNumber(value.index));
}
/** Returns true if the given value is TArray */
function type_IsArray(value) {
    return (type_IsKindOf(value, 'Array') &&
        value.type === 'array' &&
        IsOptionalString(value.$id) &&
        type_IsSchema(value.items) &&
        IsOptionalNumber(value.minItems) &&
        IsOptionalNumber(value.maxItems) &&
        IsOptionalBoolean(value.uniqueItems) &&
        IsOptionalSchema(value.contains) &&
        IsOptionalNumber(value.minContains) &&
        IsOptionalNumber(value.maxContains));
}
/** Returns true if the given value is TAsyncIterator */
function type_IsAsyncIterator(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'AsyncIterator') &&
        value.type === 'AsyncIterator' &&
        IsOptionalString(value.$id) &&
        type_IsSchema(value.items));
}
/** Returns true if the given value is TBigInt */
function type_IsBigInt(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'BigInt') &&
        value.type === 'bigint' &&
        IsOptionalString(value.$id) &&
        IsOptionalBigInt(value.exclusiveMaximum) &&
        IsOptionalBigInt(value.exclusiveMinimum) &&
        IsOptionalBigInt(value.maximum) &&
        IsOptionalBigInt(value.minimum) &&
        IsOptionalBigInt(value.multipleOf));
}
/** Returns true if the given value is TBoolean */
function type_IsBoolean(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Boolean') &&
        value.type === 'boolean' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TComputed */
function type_IsComputed(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Computed') &&
        value_IsString(value.target) &&
        value_IsArray(value.parameters) &&
        value.parameters.every((schema) => type_IsSchema(schema)));
}
/** Returns true if the given value is TConstructor */
function type_IsConstructor(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Constructor') &&
        value.type === 'Constructor' &&
        IsOptionalString(value.$id) &&
        value_IsArray(value.parameters) &&
        value.parameters.every(schema => type_IsSchema(schema)) &&
        type_IsSchema(value.returns));
}
/** Returns true if the given value is TDate */
function type_IsDate(value) {
    return (type_IsKindOf(value, 'Date') &&
        value.type === 'Date' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.exclusiveMaximumTimestamp) &&
        IsOptionalNumber(value.exclusiveMinimumTimestamp) &&
        IsOptionalNumber(value.maximumTimestamp) &&
        IsOptionalNumber(value.minimumTimestamp) &&
        IsOptionalNumber(value.multipleOfTimestamp));
}
/** Returns true if the given value is TFunction */
function type_IsFunction(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Function') &&
        value.type === 'Function' &&
        IsOptionalString(value.$id) &&
        value_IsArray(value.parameters) &&
        value.parameters.every(schema => type_IsSchema(schema)) &&
        type_IsSchema(value.returns));
}
/** Returns true if the given value is TImport */
function type_IsImport(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Import') &&
        ValueGuard.HasPropertyKey(value, '$defs') &&
        ValueGuard.IsObject(value.$defs) &&
        type_IsProperties(value.$defs) &&
        ValueGuard.HasPropertyKey(value, '$ref') &&
        ValueGuard.IsString(value.$ref) &&
        value.$ref in value.$defs // required
    );
}
/** Returns true if the given value is TInteger */
function type_IsInteger(value) {
    return (type_IsKindOf(value, 'Integer') &&
        value.type === 'integer' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.exclusiveMaximum) &&
        IsOptionalNumber(value.exclusiveMinimum) &&
        IsOptionalNumber(value.maximum) &&
        IsOptionalNumber(value.minimum) &&
        IsOptionalNumber(value.multipleOf));
}
/** Returns true if the given schema is TProperties */
function type_IsProperties(value) {
    // prettier-ignore
    return (value_IsObject(value) &&
        Object.entries(value).every(([key, schema]) => IsControlCharacterFree(key) && type_IsSchema(schema)));
}
/** Returns true if the given value is TIntersect */
function type_IsIntersect(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Intersect') &&
        (value_IsString(value.type) && value.type !== 'object' ? false : true) &&
        value_IsArray(value.allOf) &&
        value.allOf.every(schema => type_IsSchema(schema) && !type_IsTransform(schema)) &&
        IsOptionalString(value.type) &&
        (IsOptionalBoolean(value.unevaluatedProperties) || IsOptionalSchema(value.unevaluatedProperties)) &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TIterator */
function type_IsIterator(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Iterator') &&
        value.type === 'Iterator' &&
        IsOptionalString(value.$id) &&
        type_IsSchema(value.items));
}
/** Returns true if the given value is a TKind with the given name. */
function type_IsKindOf(value, kind) {
    return value_IsObject(value) && Kind in value && value[Kind] === kind;
}
/** Returns true if the given value is TLiteral<string> */
function type_IsLiteralString(value) {
    return type_IsLiteral(value) && value_IsString(value.const);
}
/** Returns true if the given value is TLiteral<number> */
function type_IsLiteralNumber(value) {
    return type_IsLiteral(value) && value_IsNumber(value.const);
}
/** Returns true if the given value is TLiteral<boolean> */
function type_IsLiteralBoolean(value) {
    return type_IsLiteral(value) && value_IsBoolean(value.const);
}
/** Returns true if the given value is TLiteral */
function type_IsLiteral(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Literal') &&
        IsOptionalString(value.$id) && type_IsLiteralValue(value.const));
}
/** Returns true if the given value is a TLiteralValue */
function type_IsLiteralValue(value) {
    return value_IsBoolean(value) || value_IsNumber(value) || value_IsString(value);
}
/** Returns true if the given value is a TMappedKey */
function type_IsMappedKey(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'MappedKey') &&
        value_IsArray(value.keys) &&
        value.keys.every(key => value_IsNumber(key) || value_IsString(key)));
}
/** Returns true if the given value is TMappedResult */
function type_IsMappedResult(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'MappedResult') &&
        type_IsProperties(value.properties));
}
/** Returns true if the given value is TNever */
function type_IsNever(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Never') &&
        value_IsObject(value.not) &&
        Object.getOwnPropertyNames(value.not).length === 0);
}
/** Returns true if the given value is TNot */
function type_IsNot(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Not') &&
        type_IsSchema(value.not));
}
/** Returns true if the given value is TNull */
function type_IsNull(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Null') &&
        value.type === 'null' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TNumber */
function type_IsNumber(value) {
    return (type_IsKindOf(value, 'Number') &&
        value.type === 'number' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.exclusiveMaximum) &&
        IsOptionalNumber(value.exclusiveMinimum) &&
        IsOptionalNumber(value.maximum) &&
        IsOptionalNumber(value.minimum) &&
        IsOptionalNumber(value.multipleOf));
}
/** Returns true if the given value is TObject */
function type_IsObject(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Object') &&
        value.type === 'object' &&
        IsOptionalString(value.$id) &&
        type_IsProperties(value.properties) &&
        IsAdditionalProperties(value.additionalProperties) &&
        IsOptionalNumber(value.minProperties) &&
        IsOptionalNumber(value.maxProperties));
}
/** Returns true if the given value is TPromise */
function type_IsPromise(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Promise') &&
        value.type === 'Promise' &&
        IsOptionalString(value.$id) &&
        type_IsSchema(value.item));
}
/** Returns true if the given value is TRecord */
function type_IsRecord(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Record') &&
        value.type === 'object' &&
        IsOptionalString(value.$id) &&
        IsAdditionalProperties(value.additionalProperties) &&
        value_IsObject(value.patternProperties) &&
        ((schema) => {
            const keys = Object.getOwnPropertyNames(schema.patternProperties);
            return (keys.length === 1 &&
                IsPattern(keys[0]) &&
                value_IsObject(schema.patternProperties) &&
                type_IsSchema(schema.patternProperties[keys[0]]));
        })(value));
}
/** Returns true if this value is TRecursive */
function type_IsRecursive(value) {
    return ValueGuard.IsObject(value) && Hint in value && value[Hint] === 'Recursive';
}
/** Returns true if the given value is TRef */
function type_IsRef(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Ref') &&
        IsOptionalString(value.$id) &&
        value_IsString(value.$ref));
}
/** Returns true if the given value is TRegExp */
function type_IsRegExp(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'RegExp') &&
        IsOptionalString(value.$id) &&
        value_IsString(value.source) &&
        value_IsString(value.flags) &&
        IsOptionalNumber(value.maxLength) &&
        IsOptionalNumber(value.minLength));
}
/** Returns true if the given value is TString */
function type_IsString(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'String') &&
        value.type === 'string' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.minLength) &&
        IsOptionalNumber(value.maxLength) &&
        IsOptionalPattern(value.pattern) &&
        IsOptionalFormat(value.format));
}
/** Returns true if the given value is TSymbol */
function type_IsSymbol(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Symbol') &&
        value.type === 'symbol' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TTemplateLiteral */
function type_IsTemplateLiteral(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'TemplateLiteral') &&
        value.type === 'string' &&
        value_IsString(value.pattern) &&
        value.pattern[0] === '^' &&
        value.pattern[value.pattern.length - 1] === '$');
}
/** Returns true if the given value is TThis */
function type_IsThis(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'This') &&
        IsOptionalString(value.$id) &&
        value_IsString(value.$ref));
}
/** Returns true of this value is TTransform */
function type_IsTransform(value) {
    return value_IsObject(value) && TransformKind in value;
}
/** Returns true if the given value is TTuple */
function type_IsTuple(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Tuple') &&
        value.type === 'array' &&
        IsOptionalString(value.$id) &&
        value_IsNumber(value.minItems) &&
        value_IsNumber(value.maxItems) &&
        value.minItems === value.maxItems &&
        (( // empty
        value_IsUndefined(value.items) &&
            value_IsUndefined(value.additionalItems) &&
            value.minItems === 0) || (value_IsArray(value.items) &&
            value.items.every(schema => type_IsSchema(schema)))));
}
/** Returns true if the given value is TUndefined */
function type_IsUndefined(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Undefined') &&
        value.type === 'undefined' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TUnion<Literal<string | number>[]> */
function IsUnionLiteral(value) {
    return type_IsUnion(value) && value.anyOf.every((schema) => type_IsLiteralString(schema) || type_IsLiteralNumber(schema));
}
/** Returns true if the given value is TUnion */
function type_IsUnion(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Union') &&
        IsOptionalString(value.$id) &&
        value_IsObject(value) &&
        value_IsArray(value.anyOf) &&
        value.anyOf.every(schema => type_IsSchema(schema)));
}
/** Returns true if the given value is TUint8Array */
function type_IsUint8Array(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Uint8Array') &&
        value.type === 'Uint8Array' &&
        IsOptionalString(value.$id) &&
        IsOptionalNumber(value.minByteLength) &&
        IsOptionalNumber(value.maxByteLength));
}
/** Returns true if the given value is TUnknown */
function type_IsUnknown(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Unknown') &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is a raw TUnsafe */
function type_IsUnsafe(value) {
    return type_IsKindOf(value, 'Unsafe');
}
/** Returns true if the given value is TVoid */
function type_IsVoid(value) {
    // prettier-ignore
    return (type_IsKindOf(value, 'Void') &&
        value.type === 'void' &&
        IsOptionalString(value.$id));
}
/** Returns true if the given value is TKind */
function type_IsKind(value) {
    return value_IsObject(value) && Kind in value && value_IsString(value[Kind]) && !KnownTypes.includes(value[Kind]);
}
/** Returns true if the given value is TSchema */
function type_IsSchema(value) {
    // prettier-ignore
    return (value_IsObject(value)) && (type_IsAny(value) ||
        type_IsArgument(value) ||
        type_IsArray(value) ||
        type_IsBoolean(value) ||
        type_IsBigInt(value) ||
        type_IsAsyncIterator(value) ||
        type_IsComputed(value) ||
        type_IsConstructor(value) ||
        type_IsDate(value) ||
        type_IsFunction(value) ||
        type_IsInteger(value) ||
        type_IsIntersect(value) ||
        type_IsIterator(value) ||
        type_IsLiteral(value) ||
        type_IsMappedKey(value) ||
        type_IsMappedResult(value) ||
        type_IsNever(value) ||
        type_IsNot(value) ||
        type_IsNull(value) ||
        type_IsNumber(value) ||
        type_IsObject(value) ||
        type_IsPromise(value) ||
        type_IsRecord(value) ||
        type_IsRef(value) ||
        type_IsRegExp(value) ||
        type_IsString(value) ||
        type_IsSymbol(value) ||
        type_IsTemplateLiteral(value) ||
        type_IsThis(value) ||
        type_IsTuple(value) ||
        type_IsUndefined(value) ||
        type_IsUnion(value) ||
        type_IsUint8Array(value) ||
        type_IsUnknown(value) ||
        type_IsUnsafe(value) ||
        type_IsVoid(value) ||
        type_IsKind(value));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends-check.mjs










class ExtendsResolverError extends error_TypeBoxError {
}
var ExtendsResult;
(function (ExtendsResult) {
    ExtendsResult[ExtendsResult["Union"] = 0] = "Union";
    ExtendsResult[ExtendsResult["True"] = 1] = "True";
    ExtendsResult[ExtendsResult["False"] = 2] = "False";
})(ExtendsResult || (ExtendsResult = {}));
// ------------------------------------------------------------------
// IntoBooleanResult
// ------------------------------------------------------------------
// prettier-ignore
function IntoBooleanResult(result) {
    return result === ExtendsResult.False ? result : ExtendsResult.True;
}
// ------------------------------------------------------------------
// Throw
// ------------------------------------------------------------------
// prettier-ignore
function Throw(message) {
    throw new ExtendsResolverError(message);
}
// ------------------------------------------------------------------
// StructuralRight
// ------------------------------------------------------------------
// prettier-ignore
function IsStructuralRight(right) {
    return (type_IsNever(right) ||
        type_IsIntersect(right) ||
        type_IsUnion(right) ||
        type_IsUnknown(right) ||
        type_IsAny(right));
}
// prettier-ignore
function StructuralRight(left, right) {
    return (type_IsNever(right) ? FromNeverRight(left, right) :
        type_IsIntersect(right) ? FromIntersectRight(left, right) :
            type_IsUnion(right) ? FromUnionRight(left, right) :
                type_IsUnknown(right) ? FromUnknownRight(left, right) :
                    type_IsAny(right) ? FromAnyRight(left, right) :
                        Throw('StructuralRight'));
}
// ------------------------------------------------------------------
// Any
// ------------------------------------------------------------------
// prettier-ignore
function FromAnyRight(left, right) {
    return ExtendsResult.True;
}
// prettier-ignore
function FromAny(left, right) {
    return (type_IsIntersect(right) ? FromIntersectRight(left, right) :
        (type_IsUnion(right) && right.anyOf.some((schema) => type_IsAny(schema) || type_IsUnknown(schema))) ? ExtendsResult.True :
            type_IsUnion(right) ? ExtendsResult.Union :
                type_IsUnknown(right) ? ExtendsResult.True :
                    type_IsAny(right) ? ExtendsResult.True :
                        ExtendsResult.Union);
}
// ------------------------------------------------------------------
// Array
// ------------------------------------------------------------------
// prettier-ignore
function FromArrayRight(left, right) {
    return (type_IsUnknown(left) ? ExtendsResult.False :
        type_IsAny(left) ? ExtendsResult.Union :
            type_IsNever(left) ? ExtendsResult.True :
                ExtendsResult.False);
}
// prettier-ignore
function extends_check_FromArray(left, right) {
    return (type_IsObject(right) && IsObjectArrayLike(right) ? ExtendsResult.True :
        IsStructuralRight(right) ? StructuralRight(left, right) :
            !type_IsArray(right) ? ExtendsResult.False :
                IntoBooleanResult(extends_check_Visit(left.items, right.items)));
}
// ------------------------------------------------------------------
// AsyncIterator
// ------------------------------------------------------------------
// prettier-ignore
function FromAsyncIterator(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        !type_IsAsyncIterator(right) ? ExtendsResult.False :
            IntoBooleanResult(extends_check_Visit(left.items, right.items)));
}
// ------------------------------------------------------------------
// BigInt
// ------------------------------------------------------------------
// prettier-ignore
function FromBigInt(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsBigInt(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Boolean
// ------------------------------------------------------------------
// prettier-ignore
function FromBooleanRight(left, right) {
    return (type_IsLiteralBoolean(left) ? ExtendsResult.True :
        type_IsBoolean(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromBoolean(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsBoolean(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Constructor
// ------------------------------------------------------------------
// prettier-ignore
function FromConstructor(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            !type_IsConstructor(right) ? ExtendsResult.False :
                left.parameters.length > right.parameters.length ? ExtendsResult.False :
                    (!left.parameters.every((schema, index) => IntoBooleanResult(extends_check_Visit(right.parameters[index], schema)) === ExtendsResult.True)) ? ExtendsResult.False :
                        IntoBooleanResult(extends_check_Visit(left.returns, right.returns)));
}
// ------------------------------------------------------------------
// Date
// ------------------------------------------------------------------
// prettier-ignore
function FromDate(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsDate(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Function
// ------------------------------------------------------------------
// prettier-ignore
function FromFunction(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            !type_IsFunction(right) ? ExtendsResult.False :
                left.parameters.length > right.parameters.length ? ExtendsResult.False :
                    (!left.parameters.every((schema, index) => IntoBooleanResult(extends_check_Visit(right.parameters[index], schema)) === ExtendsResult.True)) ? ExtendsResult.False :
                        IntoBooleanResult(extends_check_Visit(left.returns, right.returns)));
}
// ------------------------------------------------------------------
// Integer
// ------------------------------------------------------------------
// prettier-ignore
function FromIntegerRight(left, right) {
    return (type_IsLiteral(left) && value_IsNumber(left.const) ? ExtendsResult.True :
        type_IsNumber(left) || type_IsInteger(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromInteger(left, right) {
    return (type_IsInteger(right) || type_IsNumber(right) ? ExtendsResult.True :
        IsStructuralRight(right) ? StructuralRight(left, right) :
            type_IsObject(right) ? FromObjectRight(left, right) :
                type_IsRecord(right) ? FromRecordRight(left, right) :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Intersect
// ------------------------------------------------------------------
// prettier-ignore
function FromIntersectRight(left, right) {
    return right.allOf.every((schema) => extends_check_Visit(left, schema) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// prettier-ignore
function extends_check_FromIntersect(left, right) {
    return left.allOf.some((schema) => extends_check_Visit(schema, right) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// ------------------------------------------------------------------
// Iterator
// ------------------------------------------------------------------
// prettier-ignore
function FromIterator(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        !type_IsIterator(right) ? ExtendsResult.False :
            IntoBooleanResult(extends_check_Visit(left.items, right.items)));
}
// ------------------------------------------------------------------
// Literal
// ------------------------------------------------------------------
// prettier-ignore
function extends_check_FromLiteral(left, right) {
    return (type_IsLiteral(right) && right.const === left.const ? ExtendsResult.True :
        IsStructuralRight(right) ? StructuralRight(left, right) :
            type_IsObject(right) ? FromObjectRight(left, right) :
                type_IsRecord(right) ? FromRecordRight(left, right) :
                    type_IsString(right) ? FromStringRight(left, right) :
                        type_IsNumber(right) ? FromNumberRight(left, right) :
                            type_IsInteger(right) ? FromIntegerRight(left, right) :
                                type_IsBoolean(right) ? FromBooleanRight(left, right) :
                                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Never
// ------------------------------------------------------------------
// prettier-ignore
function FromNeverRight(left, right) {
    return ExtendsResult.False;
}
// prettier-ignore
function FromNever(left, right) {
    return ExtendsResult.True;
}
// ------------------------------------------------------------------
// Not
// ------------------------------------------------------------------
// prettier-ignore
function UnwrapTNot(schema) {
    let [current, depth] = [schema, 0];
    while (true) {
        if (!type_IsNot(current))
            break;
        current = current.not;
        depth += 1;
    }
    return depth % 2 === 0 ? current : Unknown();
}
// prettier-ignore
function FromNot(left, right) {
    // TypeScript has no concept of negated types, and attempts to correctly check the negated
    // type at runtime would put TypeBox at odds with TypeScripts ability to statically infer
    // the type. Instead we unwrap to either unknown or T and continue evaluating.
    // prettier-ignore
    return (type_IsNot(left) ? extends_check_Visit(UnwrapTNot(left), right) :
        type_IsNot(right) ? extends_check_Visit(left, UnwrapTNot(right)) :
            Throw('Invalid fallthrough for Not'));
}
// ------------------------------------------------------------------
// Null
// ------------------------------------------------------------------
// prettier-ignore
function FromNull(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsNull(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Number
// ------------------------------------------------------------------
// prettier-ignore
function FromNumberRight(left, right) {
    return (type_IsLiteralNumber(left) ? ExtendsResult.True :
        type_IsNumber(left) || type_IsInteger(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromNumber(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsInteger(right) || type_IsNumber(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Object
// ------------------------------------------------------------------
// prettier-ignore
function IsObjectPropertyCount(schema, count) {
    return Object.getOwnPropertyNames(schema.properties).length === count;
}
// prettier-ignore
function IsObjectStringLike(schema) {
    return IsObjectArrayLike(schema);
}
// prettier-ignore
function IsObjectSymbolLike(schema) {
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'description' in schema.properties && type_IsUnion(schema.properties.description) && schema.properties.description.anyOf.length === 2 && ((type_IsString(schema.properties.description.anyOf[0]) &&
        type_IsUndefined(schema.properties.description.anyOf[1])) || (type_IsString(schema.properties.description.anyOf[1]) &&
        type_IsUndefined(schema.properties.description.anyOf[0]))));
}
// prettier-ignore
function IsObjectNumberLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectBooleanLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectBigIntLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectDateLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectUint8ArrayLike(schema) {
    return IsObjectArrayLike(schema);
}
// prettier-ignore
function IsObjectFunctionLike(schema) {
    const length = number_Number();
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'length' in schema.properties && IntoBooleanResult(extends_check_Visit(schema.properties['length'], length)) === ExtendsResult.True);
}
// prettier-ignore
function IsObjectConstructorLike(schema) {
    return IsObjectPropertyCount(schema, 0);
}
// prettier-ignore
function IsObjectArrayLike(schema) {
    const length = number_Number();
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'length' in schema.properties && IntoBooleanResult(extends_check_Visit(schema.properties['length'], length)) === ExtendsResult.True);
}
// prettier-ignore
function IsObjectPromiseLike(schema) {
    const then = Function([Any()], Any());
    return IsObjectPropertyCount(schema, 0) || (IsObjectPropertyCount(schema, 1) && 'then' in schema.properties && IntoBooleanResult(extends_check_Visit(schema.properties['then'], then)) === ExtendsResult.True);
}
// ------------------------------------------------------------------
// Property
// ------------------------------------------------------------------
// prettier-ignore
function Property(left, right) {
    return (extends_check_Visit(left, right) === ExtendsResult.False ? ExtendsResult.False :
        type_IsOptional(left) && !type_IsOptional(right) ? ExtendsResult.False :
            ExtendsResult.True);
}
// prettier-ignore
function FromObjectRight(left, right) {
    return (type_IsUnknown(left) ? ExtendsResult.False :
        type_IsAny(left) ? ExtendsResult.Union : (type_IsNever(left) ||
            (type_IsLiteralString(left) && IsObjectStringLike(right)) ||
            (type_IsLiteralNumber(left) && IsObjectNumberLike(right)) ||
            (type_IsLiteralBoolean(left) && IsObjectBooleanLike(right)) ||
            (type_IsSymbol(left) && IsObjectSymbolLike(right)) ||
            (type_IsBigInt(left) && IsObjectBigIntLike(right)) ||
            (type_IsString(left) && IsObjectStringLike(right)) ||
            (type_IsSymbol(left) && IsObjectSymbolLike(right)) ||
            (type_IsNumber(left) && IsObjectNumberLike(right)) ||
            (type_IsInteger(left) && IsObjectNumberLike(right)) ||
            (type_IsBoolean(left) && IsObjectBooleanLike(right)) ||
            (type_IsUint8Array(left) && IsObjectUint8ArrayLike(right)) ||
            (type_IsDate(left) && IsObjectDateLike(right)) ||
            (type_IsConstructor(left) && IsObjectConstructorLike(right)) ||
            (type_IsFunction(left) && IsObjectFunctionLike(right))) ? ExtendsResult.True :
            (type_IsRecord(left) && type_IsString(RecordKey(left))) ? (() => {
                // When expressing a Record with literal key values, the Record is converted into a Object with
                // the Hint assigned as `Record`. This is used to invert the extends logic.
                return right[symbols_Hint] === 'Record' ? ExtendsResult.True : ExtendsResult.False;
            })() :
                (type_IsRecord(left) && type_IsNumber(RecordKey(left))) ? (() => {
                    return IsObjectPropertyCount(right, 0) ? ExtendsResult.True : ExtendsResult.False;
                })() :
                    ExtendsResult.False);
}
// prettier-ignore
function FromObject(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsRecord(right) ? FromRecordRight(left, right) :
            !type_IsObject(right) ? ExtendsResult.False :
                (() => {
                    for (const key of Object.getOwnPropertyNames(right.properties)) {
                        if (!(key in left.properties) && !type_IsOptional(right.properties[key])) {
                            return ExtendsResult.False;
                        }
                        if (type_IsOptional(right.properties[key])) {
                            return ExtendsResult.True;
                        }
                        if (Property(left.properties[key], right.properties[key]) === ExtendsResult.False) {
                            return ExtendsResult.False;
                        }
                    }
                    return ExtendsResult.True;
                })());
}
// ------------------------------------------------------------------
// Promise
// ------------------------------------------------------------------
// prettier-ignore
function extends_check_FromPromise(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) && IsObjectPromiseLike(right) ? ExtendsResult.True :
            !type_IsPromise(right) ? ExtendsResult.False :
                IntoBooleanResult(extends_check_Visit(left.item, right.item)));
}
// ------------------------------------------------------------------
// Record
// ------------------------------------------------------------------
// prettier-ignore
function RecordKey(schema) {
    return (PatternNumberExact in schema.patternProperties ? number_Number() :
        PatternStringExact in schema.patternProperties ? string_String() :
            Throw('Unknown record key pattern'));
}
// prettier-ignore
function RecordValue(schema) {
    return (PatternNumberExact in schema.patternProperties ? schema.patternProperties[PatternNumberExact] :
        PatternStringExact in schema.patternProperties ? schema.patternProperties[PatternStringExact] :
            Throw('Unable to get record value schema'));
}
// prettier-ignore
function FromRecordRight(left, right) {
    const [Key, Value] = [RecordKey(right), RecordValue(right)];
    return ((type_IsLiteralString(left) && type_IsNumber(Key) && IntoBooleanResult(extends_check_Visit(left, Value)) === ExtendsResult.True) ? ExtendsResult.True :
        type_IsUint8Array(left) && type_IsNumber(Key) ? extends_check_Visit(left, Value) :
            type_IsString(left) && type_IsNumber(Key) ? extends_check_Visit(left, Value) :
                type_IsArray(left) && type_IsNumber(Key) ? extends_check_Visit(left, Value) :
                    type_IsObject(left) ? (() => {
                        for (const key of Object.getOwnPropertyNames(left.properties)) {
                            if (Property(Value, left.properties[key]) === ExtendsResult.False) {
                                return ExtendsResult.False;
                            }
                        }
                        return ExtendsResult.True;
                    })() :
                        ExtendsResult.False);
}
// prettier-ignore
function FromRecord(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            !type_IsRecord(right) ? ExtendsResult.False :
                extends_check_Visit(RecordValue(left), RecordValue(right)));
}
// ------------------------------------------------------------------
// RegExp
// ------------------------------------------------------------------
// prettier-ignore
function FromRegExp(left, right) {
    // Note: RegExp types evaluate as strings, not RegExp objects.
    // Here we remap either into string and continue evaluating.
    const L = type_IsRegExp(left) ? string_String() : left;
    const R = type_IsRegExp(right) ? string_String() : right;
    return extends_check_Visit(L, R);
}
// ------------------------------------------------------------------
// String
// ------------------------------------------------------------------
// prettier-ignore
function FromStringRight(left, right) {
    return (type_IsLiteral(left) && value_IsString(left.const) ? ExtendsResult.True :
        type_IsString(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromString(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsString(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Symbol
// ------------------------------------------------------------------
// prettier-ignore
function FromSymbol(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsSymbol(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// TemplateLiteral
// ------------------------------------------------------------------
// prettier-ignore
function extends_check_FromTemplateLiteral(left, right) {
    // TemplateLiteral types are resolved to either unions for finite expressions or string
    // for infinite expressions. Here we call to TemplateLiteralResolver to resolve for
    // either type and continue evaluating.
    return (type_IsTemplateLiteral(left) ? extends_check_Visit(TemplateLiteralToUnion(left), right) :
        type_IsTemplateLiteral(right) ? extends_check_Visit(left, TemplateLiteralToUnion(right)) :
            Throw('Invalid fallthrough for TemplateLiteral'));
}
// ------------------------------------------------------------------
// Tuple
// ------------------------------------------------------------------
// prettier-ignore
function IsArrayOfTuple(left, right) {
    return (type_IsArray(right) &&
        left.items !== undefined &&
        left.items.every((schema) => extends_check_Visit(schema, right.items) === ExtendsResult.True));
}
// prettier-ignore
function FromTupleRight(left, right) {
    return (type_IsNever(left) ? ExtendsResult.True :
        type_IsUnknown(left) ? ExtendsResult.False :
            type_IsAny(left) ? ExtendsResult.Union :
                ExtendsResult.False);
}
// prettier-ignore
function extends_check_FromTuple(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) && IsObjectArrayLike(right) ? ExtendsResult.True :
            type_IsArray(right) && IsArrayOfTuple(left, right) ? ExtendsResult.True :
                !type_IsTuple(right) ? ExtendsResult.False :
                    (value_IsUndefined(left.items) && !value_IsUndefined(right.items)) || (!value_IsUndefined(left.items) && value_IsUndefined(right.items)) ? ExtendsResult.False :
                        (value_IsUndefined(left.items) && !value_IsUndefined(right.items)) ? ExtendsResult.True :
                            left.items.every((schema, index) => extends_check_Visit(schema, right.items[index]) === ExtendsResult.True) ? ExtendsResult.True :
                                ExtendsResult.False);
}
// ------------------------------------------------------------------
// Uint8Array
// ------------------------------------------------------------------
// prettier-ignore
function FromUint8Array(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsUint8Array(right) ? ExtendsResult.True :
                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Undefined
// ------------------------------------------------------------------
// prettier-ignore
function FromUndefined(left, right) {
    return (IsStructuralRight(right) ? StructuralRight(left, right) :
        type_IsObject(right) ? FromObjectRight(left, right) :
            type_IsRecord(right) ? FromRecordRight(left, right) :
                type_IsVoid(right) ? FromVoidRight(left, right) :
                    type_IsUndefined(right) ? ExtendsResult.True :
                        ExtendsResult.False);
}
// ------------------------------------------------------------------
// Union
// ------------------------------------------------------------------
// prettier-ignore
function FromUnionRight(left, right) {
    return right.anyOf.some((schema) => extends_check_Visit(left, schema) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// prettier-ignore
function extends_check_FromUnion(left, right) {
    return left.anyOf.every((schema) => extends_check_Visit(schema, right) === ExtendsResult.True)
        ? ExtendsResult.True
        : ExtendsResult.False;
}
// ------------------------------------------------------------------
// Unknown
// ------------------------------------------------------------------
// prettier-ignore
function FromUnknownRight(left, right) {
    return ExtendsResult.True;
}
// prettier-ignore
function FromUnknown(left, right) {
    return (type_IsNever(right) ? FromNeverRight(left, right) :
        type_IsIntersect(right) ? FromIntersectRight(left, right) :
            type_IsUnion(right) ? FromUnionRight(left, right) :
                type_IsAny(right) ? FromAnyRight(left, right) :
                    type_IsString(right) ? FromStringRight(left, right) :
                        type_IsNumber(right) ? FromNumberRight(left, right) :
                            type_IsInteger(right) ? FromIntegerRight(left, right) :
                                type_IsBoolean(right) ? FromBooleanRight(left, right) :
                                    type_IsArray(right) ? FromArrayRight(left, right) :
                                        type_IsTuple(right) ? FromTupleRight(left, right) :
                                            type_IsObject(right) ? FromObjectRight(left, right) :
                                                type_IsUnknown(right) ? ExtendsResult.True :
                                                    ExtendsResult.False);
}
// ------------------------------------------------------------------
// Void
// ------------------------------------------------------------------
// prettier-ignore
function FromVoidRight(left, right) {
    return (type_IsUndefined(left) ? ExtendsResult.True :
        type_IsUndefined(left) ? ExtendsResult.True :
            ExtendsResult.False);
}
// prettier-ignore
function FromVoid(left, right) {
    return (type_IsIntersect(right) ? FromIntersectRight(left, right) :
        type_IsUnion(right) ? FromUnionRight(left, right) :
            type_IsUnknown(right) ? FromUnknownRight(left, right) :
                type_IsAny(right) ? FromAnyRight(left, right) :
                    type_IsObject(right) ? FromObjectRight(left, right) :
                        type_IsVoid(right) ? ExtendsResult.True :
                            ExtendsResult.False);
}
// prettier-ignore
function extends_check_Visit(left, right) {
    return (
    // resolvable
    (type_IsTemplateLiteral(left) || type_IsTemplateLiteral(right)) ? extends_check_FromTemplateLiteral(left, right) :
        (type_IsRegExp(left) || type_IsRegExp(right)) ? FromRegExp(left, right) :
            (type_IsNot(left) || type_IsNot(right)) ? FromNot(left, right) :
                // standard
                type_IsAny(left) ? FromAny(left, right) :
                    type_IsArray(left) ? extends_check_FromArray(left, right) :
                        type_IsBigInt(left) ? FromBigInt(left, right) :
                            type_IsBoolean(left) ? FromBoolean(left, right) :
                                type_IsAsyncIterator(left) ? FromAsyncIterator(left, right) :
                                    type_IsConstructor(left) ? FromConstructor(left, right) :
                                        type_IsDate(left) ? FromDate(left, right) :
                                            type_IsFunction(left) ? FromFunction(left, right) :
                                                type_IsInteger(left) ? FromInteger(left, right) :
                                                    type_IsIntersect(left) ? extends_check_FromIntersect(left, right) :
                                                        type_IsIterator(left) ? FromIterator(left, right) :
                                                            type_IsLiteral(left) ? extends_check_FromLiteral(left, right) :
                                                                type_IsNever(left) ? FromNever(left, right) :
                                                                    type_IsNull(left) ? FromNull(left, right) :
                                                                        type_IsNumber(left) ? FromNumber(left, right) :
                                                                            type_IsObject(left) ? FromObject(left, right) :
                                                                                type_IsRecord(left) ? FromRecord(left, right) :
                                                                                    type_IsString(left) ? FromString(left, right) :
                                                                                        type_IsSymbol(left) ? FromSymbol(left, right) :
                                                                                            type_IsTuple(left) ? extends_check_FromTuple(left, right) :
                                                                                                type_IsPromise(left) ? extends_check_FromPromise(left, right) :
                                                                                                    type_IsUint8Array(left) ? FromUint8Array(left, right) :
                                                                                                        type_IsUndefined(left) ? FromUndefined(left, right) :
                                                                                                            type_IsUnion(left) ? extends_check_FromUnion(left, right) :
                                                                                                                type_IsUnknown(left) ? FromUnknown(left, right) :
                                                                                                                    type_IsVoid(left) ? FromVoid(left, right) :
                                                                                                                        Throw(`Unknown left type operand '${left[Kind]}'`));
}
function ExtendsCheck(left, right) {
    return extends_check_Visit(left, right);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/exclude/exclude-from-mapped-result.mjs


// prettier-ignore
function exclude_from_mapped_result_FromProperties(P, U) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Exclude(P[K2], U);
    return Acc;
}
// prettier-ignore
function exclude_from_mapped_result_FromMappedResult(R, T) {
    return exclude_from_mapped_result_FromProperties(R.properties, T);
}
// prettier-ignore
function ExcludeFromMappedResult(R, T) {
    const P = exclude_from_mapped_result_FromMappedResult(R, T);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/exclude/exclude-from-template-literal.mjs


function ExcludeFromTemplateLiteral(L, R) {
    return Exclude(TemplateLiteralToUnion(L), R);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/exclude/exclude.mjs






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

function ExcludeRest(L, R) {
    const excluded = L.filter((inner) => ExtendsCheck(inner, R) === ExtendsResult.False);
    return excluded.length === 1 ? excluded[0] : Union(excluded);
}
/** `[Json]` Constructs a type by excluding from unionType all union members that are assignable to excludedMembers */
function Exclude(L, R, options = {}) {
    // overloads
    if (IsTemplateLiteral(L))
        return CreateType(ExcludeFromTemplateLiteral(L, R), options);
    if (IsMappedResult(L))
        return CreateType(ExcludeFromMappedResult(L, R), options);
    // prettier-ignore
    return CreateType(IsUnion(L) ? ExcludeRest(L.anyOf, R) :
        ExtendsCheck(L, R) !== ExtendsResult.False ? Never() : L, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends-from-mapped-key.mjs




// prettier-ignore
function FromPropertyKey(K, U, L, R, options) {
    return {
        [K]: Extends(Literal(K), U, L, R, Clone(options))
    };
}
// prettier-ignore
function FromPropertyKeys(K, U, L, R, options) {
    return K.reduce((Acc, LK) => {
        return { ...Acc, ...FromPropertyKey(LK, U, L, R, options) };
    }, {});
}
// prettier-ignore
function FromMappedKey(K, U, L, R, options) {
    return FromPropertyKeys(K.keys, U, L, R, options);
}
// prettier-ignore
function ExtendsFromMappedKey(T, U, L, R, options) {
    const P = FromMappedKey(T, U, L, R, options);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends-from-mapped-result.mjs



// prettier-ignore
function extends_from_mapped_result_FromProperties(P, Right, True, False, options) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Extends(P[K2], Right, True, False, Clone(options));
    return Acc;
}
// prettier-ignore
function extends_from_mapped_result_FromMappedResult(Left, Right, True, False, options) {
    return extends_from_mapped_result_FromProperties(Left.properties, Right, True, False, options);
}
// prettier-ignore
function ExtendsFromMappedResult(Left, Right, True, False, options) {
    const P = extends_from_mapped_result_FromMappedResult(Left, Right, True, False, options);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extends/extends.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function ExtendsResolve(left, right, trueType, falseType) {
    const R = ExtendsCheck(left, right);
    return (R === ExtendsResult.Union ? Union([trueType, falseType]) :
        R === ExtendsResult.True ? trueType :
            falseType);
}
/** `[Json]` Creates a Conditional type */
function Extends(L, R, T, F, options) {
    // prettier-ignore
    return (IsMappedResult(L) ? ExtendsFromMappedResult(L, R, T, F, options) :
        IsMappedKey(L) ? CreateType(ExtendsFromMappedKey(L, R, T, F, options)) :
            CreateType(ExtendsResolve(L, R, T, F), options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extract/extract-from-mapped-result.mjs


// prettier-ignore
function extract_from_mapped_result_FromProperties(P, T) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Extract(P[K2], T);
    return Acc;
}
// prettier-ignore
function extract_from_mapped_result_FromMappedResult(R, T) {
    return extract_from_mapped_result_FromProperties(R.properties, T);
}
// prettier-ignore
function ExtractFromMappedResult(R, T) {
    const P = extract_from_mapped_result_FromMappedResult(R, T);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extract/extract-from-template-literal.mjs


function ExtractFromTemplateLiteral(L, R) {
    return Extract(TemplateLiteralToUnion(L), R);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/extract/extract.mjs






// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

function ExtractRest(L, R) {
    const extracted = L.filter((inner) => ExtendsCheck(inner, R) !== ExtendsResult.False);
    return extracted.length === 1 ? extracted[0] : Union(extracted);
}
/** `[Json]` Constructs a type by extracting from type all union members that are assignable to union */
function Extract(L, R, options) {
    // overloads
    if (IsTemplateLiteral(L))
        return CreateType(ExtractFromTemplateLiteral(L, R), options);
    if (IsMappedResult(L))
        return CreateType(ExtractFromMappedResult(L, R), options);
    // prettier-ignore
    return CreateType(IsUnion(L) ? ExtractRest(L.anyOf, R) :
        ExtendsCheck(L, R) !== ExtendsResult.False ? L : Never(), options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/instance-type/instance-type.mjs



/** `[JavaScript]` Extracts the InstanceType from the given Constructor type */
function InstanceType(schema, options) {
    return (IsConstructor(schema) ? CreateType(schema.returns, options) : Never(options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/clone/type.mjs

/** Clones a Rest */
function CloneRest(schemas) {
    return schemas.map((schema) => CloneType(schema));
}
/** Clones a Type */
function CloneType(schema, options) {
    return options === undefined ? Clone(schema) : Clone({ ...options, ...schema });
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/readonly-optional/readonly-optional.mjs


/** `[Json]` Creates a Readonly and Optional property */
function ReadonlyOptional(schema) {
    return Readonly(Optional(schema));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/record/record.mjs










// ------------------------------------------------------------------
// ValueGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// RecordCreateFromPattern
// ------------------------------------------------------------------
// prettier-ignore
function RecordCreateFromPattern(pattern, T, options) {
    return CreateType({ [Kind]: 'Record', type: 'object', patternProperties: { [pattern]: T } }, options);
}
// ------------------------------------------------------------------
// RecordCreateFromKeys
// ------------------------------------------------------------------
// prettier-ignore
function RecordCreateFromKeys(K, T, options) {
    const result = {};
    for (const K2 of K)
        result[K2] = T;
    return object_Object(result, { ...options, [symbols_Hint]: 'Record' });
}
// prettier-ignore
function FromTemplateLiteralKey(K, T, options) {
    return (IsTemplateLiteralFinite(K)
        ? RecordCreateFromKeys(IndexPropertyKeys(K), T, options)
        : RecordCreateFromPattern(K.pattern, T, options));
}
// prettier-ignore
function FromUnionKey(key, type, options) {
    return RecordCreateFromKeys(IndexPropertyKeys(Union(key)), type, options);
}
// prettier-ignore
function FromLiteralKey(key, type, options) {
    return RecordCreateFromKeys([key.toString()], type, options);
}
// prettier-ignore
function FromRegExpKey(key, type, options) {
    return RecordCreateFromPattern(key.source, type, options);
}
// prettier-ignore
function FromStringKey(key, type, options) {
    const pattern = value_IsUndefined(key.pattern) ? PatternStringExact : key.pattern;
    return RecordCreateFromPattern(pattern, type, options);
}
// prettier-ignore
function FromAnyKey(_, type, options) {
    return RecordCreateFromPattern(PatternStringExact, type, options);
}
// prettier-ignore
function FromNeverKey(_key, type, options) {
    return RecordCreateFromPattern(PatternNeverExact, type, options);
}
// prettier-ignore
function FromBooleanKey(_key, type, options) {
    return object_Object({ true: type, false: type }, options);
}
// prettier-ignore
function FromIntegerKey(_key, type, options) {
    return RecordCreateFromPattern(PatternNumberExact, type, options);
}
// prettier-ignore
function FromNumberKey(_, type, options) {
    return RecordCreateFromPattern(PatternNumberExact, type, options);
}
// ------------------------------------------------------------------
// TRecordOrObject
// ------------------------------------------------------------------
/** `[Json]` Creates a Record type */
function Record(key, type, options = {}) {
    // prettier-ignore
    return (IsUnion(key) ? FromUnionKey(key.anyOf, type, options) :
        IsTemplateLiteral(key) ? FromTemplateLiteralKey(key, type, options) :
            IsLiteral(key) ? FromLiteralKey(key.const, type, options) :
                kind_IsBoolean(key) ? FromBooleanKey(key, type, options) :
                    kind_IsInteger(key) ? FromIntegerKey(key, type, options) :
                        kind_IsNumber(key) ? FromNumberKey(key, type, options) :
                            kind_IsRegExp(key) ? FromRegExpKey(key, type, options) :
                                kind_IsString(key) ? FromStringKey(key, type, options) :
                                    IsAny(key) ? FromAnyKey(key, type, options) :
                                        IsNever(key) ? FromNeverKey(key, type, options) :
                                            Never(options));
}
// ------------------------------------------------------------------
// Record Utilities
// ------------------------------------------------------------------
/** Gets the Records Pattern */
function RecordPattern(record) {
    return globalThis.Object.getOwnPropertyNames(record.patternProperties)[0];
}
/** Gets the Records Key Type */
// prettier-ignore
function record_RecordKey(type) {
    const pattern = RecordPattern(type);
    return (pattern === PatternStringExact ? string_String() :
        pattern === PatternNumberExact ? number_Number() :
            string_String({ pattern }));
}
/** Gets a Record Value Type */
// prettier-ignore
function record_RecordValue(type) {
    return type.patternProperties[RecordPattern(type)];
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/instantiate/instantiate.mjs









// prettier-ignore
function instantiate_FromConstructor(args, type) {
    type.parameters = FromTypes(args, type.parameters);
    type.returns = FromType(args, type.returns);
    return type;
}
// prettier-ignore
function instantiate_FromFunction(args, type) {
    type.parameters = FromTypes(args, type.parameters);
    type.returns = FromType(args, type.returns);
    return type;
}
// prettier-ignore
function instantiate_FromIntersect(args, type) {
    type.allOf = FromTypes(args, type.allOf);
    return type;
}
// prettier-ignore
function instantiate_FromUnion(args, type) {
    type.anyOf = FromTypes(args, type.anyOf);
    return type;
}
// prettier-ignore
function instantiate_FromTuple(args, type) {
    if (value_IsUndefined(type.items))
        return type;
    type.items = FromTypes(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromArray(args, type) {
    type.items = FromType(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromAsyncIterator(args, type) {
    type.items = FromType(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromIterator(args, type) {
    type.items = FromType(args, type.items);
    return type;
}
// prettier-ignore
function instantiate_FromPromise(args, type) {
    type.item = FromType(args, type.item);
    return type;
}
// prettier-ignore
function instantiate_FromObject(args, type) {
    const mappedProperties = instantiate_FromProperties(args, type.properties);
    return { ...type, ...object_Object(mappedProperties) }; // retain options
}
// prettier-ignore
function instantiate_FromRecord(args, type) {
    const mappedKey = FromType(args, record_RecordKey(type));
    const mappedValue = FromType(args, record_RecordValue(type));
    const result = Record(mappedKey, mappedValue);
    return { ...type, ...result }; // retain options
}
// prettier-ignore
function FromArgument(args, argument) {
    return argument.index in args ? args[argument.index] : Unknown();
}
// prettier-ignore
function instantiate_FromProperty(args, type) {
    const isReadonly = IsReadonly(type);
    const isOptional = IsOptional(type);
    const mapped = FromType(args, type);
    return (isReadonly && isOptional ? ReadonlyOptional(mapped) :
        isReadonly && !isOptional ? Readonly(mapped) :
            !isReadonly && isOptional ? Optional(mapped) :
                mapped);
}
// prettier-ignore
function instantiate_FromProperties(args, properties) {
    return globalThis.Object.getOwnPropertyNames(properties).reduce((result, key) => {
        return { ...result, [key]: instantiate_FromProperty(args, properties[key]) };
    }, {});
}
// prettier-ignore
function FromTypes(args, types) {
    return types.map(type => FromType(args, type));
}
// prettier-ignore
function FromType(args, type) {
    return (IsConstructor(type) ? instantiate_FromConstructor(args, type) :
        kind_IsFunction(type) ? instantiate_FromFunction(args, type) :
            IsIntersect(type) ? instantiate_FromIntersect(args, type) :
                IsUnion(type) ? instantiate_FromUnion(args, type) :
                    IsTuple(type) ? instantiate_FromTuple(args, type) :
                        kind_IsArray(type) ? instantiate_FromArray(args, type) :
                            kind_IsAsyncIterator(type) ? instantiate_FromAsyncIterator(args, type) :
                                kind_IsIterator(type) ? instantiate_FromIterator(args, type) :
                                    kind_IsPromise(type) ? instantiate_FromPromise(args, type) :
                                        kind_IsObject(type) ? instantiate_FromObject(args, type) :
                                            IsRecord(type) ? instantiate_FromRecord(args, type) :
                                                IsArgument(type) ? FromArgument(args, type) :
                                                    type);
}
/** `[JavaScript]` Instantiates a type with the given parameters */
// prettier-ignore
function Instantiate(type, args) {
    return FromType(args, CloneType(type));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/integer/integer.mjs


/** `[Json]` Creates an Integer type */
function Integer(options) {
    return CreateType({ [Kind]: 'Integer', type: 'integer' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/syntax.mjs







// ------------------------------------------------------------------
// SyntaxParsers
// ------------------------------------------------------------------
// prettier-ignore
function* syntax_FromUnion(syntax) {
    const trim = syntax.trim().replace(/"|'/g, '');
    return (trim === 'boolean' ? yield Boolean() :
        trim === 'number' ? yield number_Number() :
            trim === 'bigint' ? yield BigInt() :
                trim === 'string' ? yield string_String() :
                    yield (() => {
                        const literals = trim.split('|').map((literal) => Literal(literal.trim()));
                        return (literals.length === 0 ? Never() :
                            literals.length === 1 ? literals[0] :
                                UnionEvaluated(literals));
                    })());
}
// prettier-ignore
function* FromTerminal(syntax) {
    if (syntax[1] !== '{') {
        const L = Literal('$');
        const R = FromSyntax(syntax.slice(1));
        return yield* [L, ...R];
    }
    for (let i = 2; i < syntax.length; i++) {
        if (syntax[i] === '}') {
            const L = syntax_FromUnion(syntax.slice(2, i));
            const R = FromSyntax(syntax.slice(i + 1));
            return yield* [...L, ...R];
        }
    }
    yield Literal(syntax);
}
// prettier-ignore
function* FromSyntax(syntax) {
    for (let i = 0; i < syntax.length; i++) {
        if (syntax[i] === '$') {
            const L = Literal(syntax.slice(0, i));
            const R = FromTerminal(syntax.slice(i));
            return yield* [L, ...R];
        }
    }
    yield Literal(syntax);
}
/** Parses TemplateLiteralSyntax and returns a tuple of TemplateLiteralKinds */
function TemplateLiteralSyntax(syntax) {
    return [...FromSyntax(syntax)];
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/pattern.mjs



// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TemplateLiteralPatternError
// ------------------------------------------------------------------
class TemplateLiteralPatternError extends error_TypeBoxError {
}
// ------------------------------------------------------------------
// TemplateLiteralPattern
// ------------------------------------------------------------------
function Escape(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
// prettier-ignore
function pattern_Visit(schema, acc) {
    return (IsTemplateLiteral(schema) ? schema.pattern.slice(1, schema.pattern.length - 1) :
        IsUnion(schema) ? `(${schema.anyOf.map((schema) => pattern_Visit(schema, acc)).join('|')})` :
            kind_IsNumber(schema) ? `${acc}${PatternNumber}` :
                kind_IsInteger(schema) ? `${acc}${PatternNumber}` :
                    kind_IsBigInt(schema) ? `${acc}${PatternNumber}` :
                        kind_IsString(schema) ? `${acc}${PatternString}` :
                            IsLiteral(schema) ? `${acc}${Escape(schema.const.toString())}` :
                                kind_IsBoolean(schema) ? `${acc}${PatternBoolean}` :
                                    (() => { throw new TemplateLiteralPatternError(`Unexpected Kind '${schema[Kind]}'`); })());
}
function TemplateLiteralPattern(kinds) {
    return `^${kinds.map((schema) => pattern_Visit(schema, '')).join('')}\$`;
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/template-literal/template-literal.mjs





/** `[Json]` Creates a TemplateLiteral type */
// prettier-ignore
function TemplateLiteral(unresolved, options) {
    const pattern = value_IsString(unresolved)
        ? TemplateLiteralPattern(TemplateLiteralSyntax(unresolved))
        : TemplateLiteralPattern(unresolved);
    return CreateType({ [Kind]: 'TemplateLiteral', type: 'string', pattern }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/intrinsic-from-mapped-key.mjs




// prettier-ignore
function MappedIntrinsicPropertyKey(K, M, options) {
    return {
        [K]: Intrinsic(Literal(K), M, Clone(options))
    };
}
// prettier-ignore
function MappedIntrinsicPropertyKeys(K, M, options) {
    const result = K.reduce((Acc, L) => {
        return { ...Acc, ...MappedIntrinsicPropertyKey(L, M, options) };
    }, {});
    return result;
}
// prettier-ignore
function MappedIntrinsicProperties(T, M, options) {
    return MappedIntrinsicPropertyKeys(T['keys'], M, options);
}
// prettier-ignore
function IntrinsicFromMappedKey(T, M, options) {
    const P = MappedIntrinsicProperties(T, M, options);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/intrinsic.mjs





// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// Apply
// ------------------------------------------------------------------
function ApplyUncapitalize(value) {
    const [first, rest] = [value.slice(0, 1), value.slice(1)];
    return [first.toLowerCase(), rest].join('');
}
function ApplyCapitalize(value) {
    const [first, rest] = [value.slice(0, 1), value.slice(1)];
    return [first.toUpperCase(), rest].join('');
}
function ApplyUppercase(value) {
    return value.toUpperCase();
}
function ApplyLowercase(value) {
    return value.toLowerCase();
}
function intrinsic_FromTemplateLiteral(schema, mode, options) {
    // note: template literals require special runtime handling as they are encoded in string patterns.
    // This diverges from the mapped type which would otherwise map on the template literal kind.
    const expression = TemplateLiteralParseExact(schema.pattern);
    const finite = IsTemplateLiteralExpressionFinite(expression);
    if (!finite)
        return { ...schema, pattern: FromLiteralValue(schema.pattern, mode) };
    const strings = [...TemplateLiteralExpressionGenerate(expression)];
    const literals = strings.map((value) => Literal(value));
    const mapped = intrinsic_FromRest(literals, mode);
    const union = Union(mapped);
    return TemplateLiteral([union], options);
}
// prettier-ignore
function FromLiteralValue(value, mode) {
    return (typeof value === 'string' ? (mode === 'Uncapitalize' ? ApplyUncapitalize(value) :
        mode === 'Capitalize' ? ApplyCapitalize(value) :
            mode === 'Uppercase' ? ApplyUppercase(value) :
                mode === 'Lowercase' ? ApplyLowercase(value) :
                    value) : value.toString());
}
// prettier-ignore
function intrinsic_FromRest(T, M) {
    return T.map(L => Intrinsic(L, M));
}
/** Applies an intrinsic string manipulation to the given type. */
function Intrinsic(schema, mode, options = {}) {
    // prettier-ignore
    return (
    // Intrinsic-Mapped-Inference
    IsMappedKey(schema) ? IntrinsicFromMappedKey(schema, mode, options) :
        // Standard-Inference
        IsTemplateLiteral(schema) ? intrinsic_FromTemplateLiteral(schema, mode, options) :
            IsUnion(schema) ? Union(intrinsic_FromRest(schema.anyOf, mode), options) :
                IsLiteral(schema) ? Literal(FromLiteralValue(schema.const, mode), options) :
                    // Default Type
                    CreateType(schema, options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/capitalize.mjs

/** `[Json]` Intrinsic function to Capitalize LiteralString types */
function Capitalize(T, options = {}) {
    return Intrinsic(T, 'Capitalize', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/uncapitalize.mjs

/** `[Json]` Intrinsic function to Uncapitalize LiteralString types */
function Uncapitalize(T, options = {}) {
    return Intrinsic(T, 'Uncapitalize', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/lowercase.mjs

/** `[Json]` Intrinsic function to Lowercase LiteralString types */
function Lowercase(T, options = {}) {
    return Intrinsic(T, 'Lowercase', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/intrinsic/uppercase.mjs

/** `[Json]` Intrinsic function to Uppercase LiteralString types */
function Uppercase(T, options = {}) {
    return Intrinsic(T, 'Uppercase', options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/iterator/iterator.mjs


/** `[JavaScript]` Creates an Iterator type */
function Iterator(items, options) {
    return CreateType({ [Kind]: 'Iterator', type: 'Iterator', items }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-from-mapped-result.mjs



// prettier-ignore
function keyof_from_mapped_result_FromProperties(properties, options) {
    const result = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
        result[K2] = KeyOf(properties[K2], Clone(options));
    return result;
}
// prettier-ignore
function keyof_from_mapped_result_FromMappedResult(mappedResult, options) {
    return keyof_from_mapped_result_FromProperties(mappedResult.properties, options);
}
// prettier-ignore
function KeyOfFromMappedResult(mappedResult, options) {
    const properties = keyof_from_mapped_result_FromMappedResult(mappedResult, options);
    return MappedResult(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/keyof/keyof.mjs








// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function keyof_FromComputed(target, parameters) {
    return computed_Computed('KeyOf', [computed_Computed(target, parameters)]);
}
// prettier-ignore
function keyof_FromRef($ref) {
    return computed_Computed('KeyOf', [Ref($ref)]);
}
// prettier-ignore
function KeyOfFromType(type, options) {
    const propertyKeys = KeyOfPropertyKeys(type);
    const propertyKeyTypes = KeyOfPropertyKeysToRest(propertyKeys);
    const result = UnionEvaluated(propertyKeyTypes);
    return CreateType(result, options);
}
// prettier-ignore
function KeyOfPropertyKeysToRest(propertyKeys) {
    return propertyKeys.map(L => L === '[number]' ? number_Number() : Literal(L));
}
/** `[Json]` Creates a KeyOf type */
function KeyOf(type, options) {
    return (IsComputed(type) ? keyof_FromComputed(type.target, type.parameters) : IsRef(type) ? keyof_FromRef(type.$ref) : IsMappedResult(type) ? KeyOfFromMappedResult(type, options) : KeyOfFromType(type, options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/promise/promise.mjs


/** `[JavaScript]` Creates a Promise type */
function Promise(item, options) {
    return CreateType({ [Kind]: 'Promise', type: 'Promise', item }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/mapped/mapped.mjs


// evaluation types














// operator

// mapping types

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function mapped_FromMappedResult(K, P) {
    return (K in P
        ? FromSchemaType(K, P[K])
        : MappedResult(P));
}
// prettier-ignore
function MappedKeyToKnownMappedResultProperties(K) {
    return { [K]: Literal(K) };
}
// prettier-ignore
function MappedKeyToUnknownMappedResultProperties(P) {
    const Acc = {};
    for (const L of P)
        Acc[L] = Literal(L);
    return Acc;
}
// prettier-ignore
function MappedKeyToMappedResultProperties(K, P) {
    return (SetIncludes(P, K)
        ? MappedKeyToKnownMappedResultProperties(K)
        : MappedKeyToUnknownMappedResultProperties(P));
}
// prettier-ignore
function mapped_FromMappedKey(K, P) {
    const R = MappedKeyToMappedResultProperties(K, P);
    return mapped_FromMappedResult(K, R);
}
// prettier-ignore
function mapped_FromRest(K, T) {
    return T.map(L => FromSchemaType(K, L));
}
// prettier-ignore
function mapped_FromProperties(K, T) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(T))
        Acc[K2] = FromSchemaType(K, T[K2]);
    return Acc;
}
// prettier-ignore
function FromSchemaType(K, T) {
    // required to retain user defined options for mapped type
    const options = { ...T };
    return (
    // unevaluated modifier types
    IsOptional(T) ? Optional(FromSchemaType(K, Discard(T, [OptionalKind]))) :
        IsReadonly(T) ? Readonly(FromSchemaType(K, Discard(T, [symbols_ReadonlyKind]))) :
            // unevaluated mapped types
            IsMappedResult(T) ? mapped_FromMappedResult(K, T.properties) :
                IsMappedKey(T) ? mapped_FromMappedKey(K, T.keys) :
                    // unevaluated types
                    IsConstructor(T) ? Constructor(mapped_FromRest(K, T.parameters), FromSchemaType(K, T.returns), options) :
                        kind_IsFunction(T) ? Function(mapped_FromRest(K, T.parameters), FromSchemaType(K, T.returns), options) :
                            kind_IsAsyncIterator(T) ? AsyncIterator(FromSchemaType(K, T.items), options) :
                                kind_IsIterator(T) ? Iterator(FromSchemaType(K, T.items), options) :
                                    IsIntersect(T) ? Intersect(mapped_FromRest(K, T.allOf), options) :
                                        IsUnion(T) ? Union(mapped_FromRest(K, T.anyOf), options) :
                                            IsTuple(T) ? Tuple(mapped_FromRest(K, T.items ?? []), options) :
                                                kind_IsObject(T) ? object_Object(mapped_FromProperties(K, T.properties), options) :
                                                    kind_IsArray(T) ? array_Array(FromSchemaType(K, T.items), options) :
                                                        kind_IsPromise(T) ? Promise(FromSchemaType(K, T.item), options) :
                                                            T);
}
// prettier-ignore
function MappedFunctionReturnType(K, T) {
    const Acc = {};
    for (const L of K)
        Acc[L] = FromSchemaType(L, T);
    return Acc;
}
/** `[Json]` Creates a Mapped object type */
function Mapped(key, map, options) {
    const K = IsSchema(key) ? IndexPropertyKeys(key) : key;
    const RT = map({ [Kind]: 'MappedKey', keys: K });
    const R = MappedFunctionReturnType(K, RT);
    return object_Object(R, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/omit/omit-from-mapped-key.mjs



// prettier-ignore
function omit_from_mapped_key_FromPropertyKey(type, key, options) {
    return { [key]: Omit(type, [key], Clone(options)) };
}
// prettier-ignore
function omit_from_mapped_key_FromPropertyKeys(type, propertyKeys, options) {
    return propertyKeys.reduce((Acc, LK) => {
        return { ...Acc, ...omit_from_mapped_key_FromPropertyKey(type, LK, options) };
    }, {});
}
// prettier-ignore
function omit_from_mapped_key_FromMappedKey(type, mappedKey, options) {
    return omit_from_mapped_key_FromPropertyKeys(type, mappedKey.keys, options);
}
// prettier-ignore
function OmitFromMappedKey(type, mappedKey, options) {
    const properties = omit_from_mapped_key_FromMappedKey(type, mappedKey, options);
    return MappedResult(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/omit/omit-from-mapped-result.mjs



// prettier-ignore
function omit_from_mapped_result_FromProperties(properties, propertyKeys, options) {
    const result = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
        result[K2] = Omit(properties[K2], propertyKeys, Clone(options));
    return result;
}
// prettier-ignore
function omit_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options) {
    return omit_from_mapped_result_FromProperties(mappedResult.properties, propertyKeys, options);
}
// prettier-ignore
function OmitFromMappedResult(mappedResult, propertyKeys, options) {
    const properties = omit_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options);
    return MappedResult(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/omit/omit.mjs









// ------------------------------------------------------------------
// Mapped
// ------------------------------------------------------------------


// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------


// prettier-ignore
function omit_FromIntersect(types, propertyKeys) {
    return types.map((type) => OmitResolve(type, propertyKeys));
}
// prettier-ignore
function omit_FromUnion(types, propertyKeys) {
    return types.map((type) => OmitResolve(type, propertyKeys));
}
// ------------------------------------------------------------------
// FromProperty
// ------------------------------------------------------------------
// prettier-ignore
function omit_FromProperty(properties, key) {
    const { [key]: _, ...R } = properties;
    return R;
}
// prettier-ignore
function omit_FromProperties(properties, propertyKeys) {
    return propertyKeys.reduce((T, K2) => omit_FromProperty(T, K2), properties);
}
// prettier-ignore
function omit_FromObject(type, propertyKeys, properties) {
    const options = Discard(type, [TransformKind, '$id', 'required', 'properties']);
    const mappedProperties = omit_FromProperties(properties, propertyKeys);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function UnionFromPropertyKeys(propertyKeys) {
    const result = propertyKeys.reduce((result, key) => IsLiteralValue(key) ? [...result, Literal(key)] : result, []);
    return Union(result);
}
// prettier-ignore
function OmitResolve(type, propertyKeys) {
    return (IsIntersect(type) ? Intersect(omit_FromIntersect(type.allOf, propertyKeys)) :
        IsUnion(type) ? Union(omit_FromUnion(type.anyOf, propertyKeys)) :
            kind_IsObject(type) ? omit_FromObject(type, propertyKeys, type.properties) :
                object_Object({}));
}
/** `[Json]` Constructs a type whose keys are picked from the given type */
// prettier-ignore
function Omit(type, key, options) {
    const typeKey = value_IsArray(key) ? UnionFromPropertyKeys(key) : key;
    const propertyKeys = IsSchema(key) ? IndexPropertyKeys(key) : key;
    const isTypeRef = IsRef(type);
    const isKeyRef = IsRef(key);
    return (IsMappedResult(type) ? OmitFromMappedResult(type, propertyKeys, options) :
        IsMappedKey(key) ? OmitFromMappedKey(type, key, options) :
            (isTypeRef && isKeyRef) ? computed_Computed('Omit', [type, typeKey], options) :
                (!isTypeRef && isKeyRef) ? computed_Computed('Omit', [type, typeKey], options) :
                    (isTypeRef && !isKeyRef) ? computed_Computed('Omit', [type, typeKey], options) :
                        CreateType({ ...OmitResolve(type, propertyKeys), ...options }));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/pick/pick-from-mapped-key.mjs



// prettier-ignore
function pick_from_mapped_key_FromPropertyKey(type, key, options) {
    return {
        [key]: Pick(type, [key], Clone(options))
    };
}
// prettier-ignore
function pick_from_mapped_key_FromPropertyKeys(type, propertyKeys, options) {
    return propertyKeys.reduce((result, leftKey) => {
        return { ...result, ...pick_from_mapped_key_FromPropertyKey(type, leftKey, options) };
    }, {});
}
// prettier-ignore
function pick_from_mapped_key_FromMappedKey(type, mappedKey, options) {
    return pick_from_mapped_key_FromPropertyKeys(type, mappedKey.keys, options);
}
// prettier-ignore
function PickFromMappedKey(type, mappedKey, options) {
    const properties = pick_from_mapped_key_FromMappedKey(type, mappedKey, options);
    return MappedResult(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/pick/pick-from-mapped-result.mjs



// prettier-ignore
function pick_from_mapped_result_FromProperties(properties, propertyKeys, options) {
    const result = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
        result[K2] = Pick(properties[K2], propertyKeys, Clone(options));
    return result;
}
// prettier-ignore
function pick_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options) {
    return pick_from_mapped_result_FromProperties(mappedResult.properties, propertyKeys, options);
}
// prettier-ignore
function PickFromMappedResult(mappedResult, propertyKeys, options) {
    const properties = pick_from_mapped_result_FromMappedResult(mappedResult, propertyKeys, options);
    return MappedResult(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/pick/pick.mjs









// ------------------------------------------------------------------
// Guards
// ------------------------------------------------------------------


// ------------------------------------------------------------------
// Infrastructure
// ------------------------------------------------------------------


function pick_FromIntersect(types, propertyKeys) {
    return types.map((type) => PickResolve(type, propertyKeys));
}
// prettier-ignore
function pick_FromUnion(types, propertyKeys) {
    return types.map((type) => PickResolve(type, propertyKeys));
}
// prettier-ignore
function pick_FromProperties(properties, propertyKeys) {
    const result = {};
    for (const K2 of propertyKeys)
        if (K2 in properties)
            result[K2] = properties[K2];
    return result;
}
// prettier-ignore
function pick_FromObject(Type, keys, properties) {
    const options = Discard(Type, [TransformKind, '$id', 'required', 'properties']);
    const mappedProperties = pick_FromProperties(properties, keys);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function pick_UnionFromPropertyKeys(propertyKeys) {
    const result = propertyKeys.reduce((result, key) => IsLiteralValue(key) ? [...result, Literal(key)] : result, []);
    return Union(result);
}
// prettier-ignore
function PickResolve(type, propertyKeys) {
    return (IsIntersect(type) ? Intersect(pick_FromIntersect(type.allOf, propertyKeys)) :
        IsUnion(type) ? Union(pick_FromUnion(type.anyOf, propertyKeys)) :
            kind_IsObject(type) ? pick_FromObject(type, propertyKeys, type.properties) :
                object_Object({}));
}
/** `[Json]` Constructs a type whose keys are picked from the given type */
// prettier-ignore
function Pick(type, key, options) {
    const typeKey = value_IsArray(key) ? pick_UnionFromPropertyKeys(key) : key;
    const propertyKeys = IsSchema(key) ? IndexPropertyKeys(key) : key;
    const isTypeRef = IsRef(type);
    const isKeyRef = IsRef(key);
    return (IsMappedResult(type) ? PickFromMappedResult(type, propertyKeys, options) :
        IsMappedKey(key) ? PickFromMappedKey(type, key, options) :
            (isTypeRef && isKeyRef) ? computed_Computed('Pick', [type, typeKey], options) :
                (!isTypeRef && isKeyRef) ? computed_Computed('Pick', [type, typeKey], options) :
                    (isTypeRef && !isKeyRef) ? computed_Computed('Pick', [type, typeKey], options) :
                        CreateType({ ...PickResolve(type, propertyKeys), ...options }));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/partial/partial-from-mapped-result.mjs



// prettier-ignore
function partial_from_mapped_result_FromProperties(K, options) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(K))
        Acc[K2] = Partial(K[K2], Clone(options));
    return Acc;
}
// prettier-ignore
function partial_from_mapped_result_FromMappedResult(R, options) {
    return partial_from_mapped_result_FromProperties(R.properties, options);
}
// prettier-ignore
function PartialFromMappedResult(R, options) {
    const P = partial_from_mapped_result_FromMappedResult(R, options);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/partial/partial.mjs










// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// prettier-ignore
function partial_FromComputed(target, parameters) {
    return computed_Computed('Partial', [computed_Computed(target, parameters)]);
}
// prettier-ignore
function partial_FromRef($ref) {
    return computed_Computed('Partial', [Ref($ref)]);
}
// prettier-ignore
function partial_FromProperties(properties) {
    const partialProperties = {};
    for (const K of globalThis.Object.getOwnPropertyNames(properties))
        partialProperties[K] = Optional(properties[K]);
    return partialProperties;
}
// prettier-ignore
function partial_FromObject(type, properties) {
    const options = Discard(type, [TransformKind, '$id', 'required', 'properties']);
    const mappedProperties = partial_FromProperties(properties);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function partial_FromRest(types) {
    return types.map(type => PartialResolve(type));
}
// ------------------------------------------------------------------
// PartialResolve
// ------------------------------------------------------------------
// prettier-ignore
function PartialResolve(type) {
    return (
    // Mappable
    IsComputed(type) ? partial_FromComputed(type.target, type.parameters) :
        IsRef(type) ? partial_FromRef(type.$ref) :
            IsIntersect(type) ? Intersect(partial_FromRest(type.allOf)) :
                IsUnion(type) ? Union(partial_FromRest(type.anyOf)) :
                    kind_IsObject(type) ? partial_FromObject(type, type.properties) :
                        // Intrinsic
                        kind_IsBigInt(type) ? type :
                            kind_IsBoolean(type) ? type :
                                kind_IsInteger(type) ? type :
                                    IsLiteral(type) ? type :
                                        kind_IsNull(type) ? type :
                                            kind_IsNumber(type) ? type :
                                                kind_IsString(type) ? type :
                                                    kind_IsSymbol(type) ? type :
                                                        kind_IsUndefined(type) ? type :
                                                            // Passthrough
                                                            object_Object({}));
}
/** `[Json]` Constructs a type where all properties are optional */
function Partial(type, options) {
    if (IsMappedResult(type)) {
        return PartialFromMappedResult(type, options);
    }
    else {
        // special: mapping types require overridable options
        return CreateType({ ...PartialResolve(type), ...options });
    }
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/required/required-from-mapped-result.mjs


// prettier-ignore
function required_from_mapped_result_FromProperties(P, options) {
    const Acc = {};
    for (const K2 of globalThis.Object.getOwnPropertyNames(P))
        Acc[K2] = Required(P[K2], options);
    return Acc;
}
// prettier-ignore
function required_from_mapped_result_FromMappedResult(R, options) {
    return required_from_mapped_result_FromProperties(R.properties, options);
}
// prettier-ignore
function RequiredFromMappedResult(R, options) {
    const P = required_from_mapped_result_FromMappedResult(R, options);
    return MappedResult(P);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/required/required.mjs









// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function required_FromComputed(target, parameters) {
    return computed_Computed('Required', [computed_Computed(target, parameters)]);
}
// prettier-ignore
function required_FromRef($ref) {
    return computed_Computed('Required', [Ref($ref)]);
}
// prettier-ignore
function required_FromProperties(properties) {
    const requiredProperties = {};
    for (const K of globalThis.Object.getOwnPropertyNames(properties))
        requiredProperties[K] = Discard(properties[K], [OptionalKind]);
    return requiredProperties;
}
// prettier-ignore
function required_FromObject(type, properties) {
    const options = Discard(type, [TransformKind, '$id', 'required', 'properties']);
    const mappedProperties = required_FromProperties(properties);
    return object_Object(mappedProperties, options);
}
// prettier-ignore
function required_FromRest(types) {
    return types.map(type => RequiredResolve(type));
}
// ------------------------------------------------------------------
// RequiredResolve
// ------------------------------------------------------------------
// prettier-ignore
function RequiredResolve(type) {
    return (
    // Mappable
    IsComputed(type) ? required_FromComputed(type.target, type.parameters) :
        IsRef(type) ? required_FromRef(type.$ref) :
            IsIntersect(type) ? Intersect(required_FromRest(type.allOf)) :
                IsUnion(type) ? Union(required_FromRest(type.anyOf)) :
                    kind_IsObject(type) ? required_FromObject(type, type.properties) :
                        // Intrinsic
                        kind_IsBigInt(type) ? type :
                            kind_IsBoolean(type) ? type :
                                kind_IsInteger(type) ? type :
                                    IsLiteral(type) ? type :
                                        kind_IsNull(type) ? type :
                                            kind_IsNumber(type) ? type :
                                                kind_IsString(type) ? type :
                                                    kind_IsSymbol(type) ? type :
                                                        kind_IsUndefined(type) ? type :
                                                            // Passthrough
                                                            object_Object({}));
}
/** `[Json]` Constructs a type where all properties are required */
function Required(type, options) {
    if (IsMappedResult(type)) {
        return RequiredFromMappedResult(type, options);
    }
    else {
        // special: mapping types require overridable options
        return CreateType({ ...RequiredResolve(type), ...options });
    }
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/module/compute.mjs





















// ------------------------------------------------------------------
// Symbols
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// KindGuard
// ------------------------------------------------------------------

// prettier-ignore
function DereferenceParameters(moduleProperties, types) {
    return types.map((type) => {
        return IsRef(type)
            ? Dereference(moduleProperties, type.$ref)
            : compute_FromType(moduleProperties, type);
    });
}
// prettier-ignore
function Dereference(moduleProperties, ref) {
    return (ref in moduleProperties
        ? IsRef(moduleProperties[ref])
            ? Dereference(moduleProperties, moduleProperties[ref].$ref)
            : compute_FromType(moduleProperties, moduleProperties[ref])
        : Never());
}
// prettier-ignore
function FromAwaited(parameters) {
    return Awaited(parameters[0]);
}
// prettier-ignore
function FromIndex(parameters) {
    return Index(parameters[0], parameters[1]);
}
// prettier-ignore
function FromKeyOf(parameters) {
    return KeyOf(parameters[0]);
}
// prettier-ignore
function FromPartial(parameters) {
    return Partial(parameters[0]);
}
// prettier-ignore
function FromOmit(parameters) {
    return Omit(parameters[0], parameters[1]);
}
// prettier-ignore
function FromPick(parameters) {
    return Pick(parameters[0], parameters[1]);
}
// prettier-ignore
function FromRequired(parameters) {
    return Required(parameters[0]);
}
// prettier-ignore
function compute_FromComputed(moduleProperties, target, parameters) {
    const dereferenced = DereferenceParameters(moduleProperties, parameters);
    return (target === 'Awaited' ? FromAwaited(dereferenced) :
        target === 'Index' ? FromIndex(dereferenced) :
            target === 'KeyOf' ? FromKeyOf(dereferenced) :
                target === 'Partial' ? FromPartial(dereferenced) :
                    target === 'Omit' ? FromOmit(dereferenced) :
                        target === 'Pick' ? FromPick(dereferenced) :
                            target === 'Required' ? FromRequired(dereferenced) :
                                Never());
}
function compute_FromArray(moduleProperties, type) {
    return array_Array(compute_FromType(moduleProperties, type));
}
function compute_FromAsyncIterator(moduleProperties, type) {
    return AsyncIterator(compute_FromType(moduleProperties, type));
}
// prettier-ignore
function compute_FromConstructor(moduleProperties, parameters, instanceType) {
    return Constructor(compute_FromTypes(moduleProperties, parameters), compute_FromType(moduleProperties, instanceType));
}
// prettier-ignore
function compute_FromFunction(moduleProperties, parameters, returnType) {
    return Function(compute_FromTypes(moduleProperties, parameters), compute_FromType(moduleProperties, returnType));
}
function compute_FromIntersect(moduleProperties, types) {
    return Intersect(compute_FromTypes(moduleProperties, types));
}
function compute_FromIterator(moduleProperties, type) {
    return Iterator(compute_FromType(moduleProperties, type));
}
function compute_FromObject(moduleProperties, properties) {
    return object_Object(globalThis.Object.keys(properties).reduce((result, key) => {
        return { ...result, [key]: compute_FromType(moduleProperties, properties[key]) };
    }, {}));
}
// prettier-ignore
function compute_FromRecord(moduleProperties, type) {
    const [value, pattern] = [compute_FromType(moduleProperties, record_RecordValue(type)), RecordPattern(type)];
    const result = CloneType(type);
    result.patternProperties[pattern] = value;
    return result;
}
// prettier-ignore
function FromTransform(moduleProperties, transform) {
    return (IsRef(transform))
        ? { ...Dereference(moduleProperties, transform.$ref), [TransformKind]: transform[TransformKind] }
        : transform;
}
function compute_FromTuple(moduleProperties, types) {
    return Tuple(compute_FromTypes(moduleProperties, types));
}
function compute_FromUnion(moduleProperties, types) {
    return Union(compute_FromTypes(moduleProperties, types));
}
function compute_FromTypes(moduleProperties, types) {
    return types.map((type) => compute_FromType(moduleProperties, type));
}
// prettier-ignore
function compute_FromType(moduleProperties, type) {
    return (
    // Modifiers
    IsOptional(type) ? CreateType(compute_FromType(moduleProperties, Discard(type, [OptionalKind])), type) :
        IsReadonly(type) ? CreateType(compute_FromType(moduleProperties, Discard(type, [symbols_ReadonlyKind])), type) :
            // Transform
            IsTransform(type) ? CreateType(FromTransform(moduleProperties, type), type) :
                // Types
                kind_IsArray(type) ? CreateType(compute_FromArray(moduleProperties, type.items), type) :
                    kind_IsAsyncIterator(type) ? CreateType(compute_FromAsyncIterator(moduleProperties, type.items), type) :
                        IsComputed(type) ? CreateType(compute_FromComputed(moduleProperties, type.target, type.parameters)) :
                            IsConstructor(type) ? CreateType(compute_FromConstructor(moduleProperties, type.parameters, type.returns), type) :
                                kind_IsFunction(type) ? CreateType(compute_FromFunction(moduleProperties, type.parameters, type.returns), type) :
                                    IsIntersect(type) ? CreateType(compute_FromIntersect(moduleProperties, type.allOf), type) :
                                        kind_IsIterator(type) ? CreateType(compute_FromIterator(moduleProperties, type.items), type) :
                                            kind_IsObject(type) ? CreateType(compute_FromObject(moduleProperties, type.properties), type) :
                                                IsRecord(type) ? CreateType(compute_FromRecord(moduleProperties, type)) :
                                                    IsTuple(type) ? CreateType(compute_FromTuple(moduleProperties, type.items || []), type) :
                                                        IsUnion(type) ? CreateType(compute_FromUnion(moduleProperties, type.anyOf), type) :
                                                            type);
}
// prettier-ignore
function ComputeType(moduleProperties, key) {
    return (key in moduleProperties
        ? compute_FromType(moduleProperties, moduleProperties[key])
        : Never());
}
// prettier-ignore
function ComputeModuleProperties(moduleProperties) {
    return globalThis.Object.getOwnPropertyNames(moduleProperties).reduce((result, key) => {
        return { ...result, [key]: ComputeType(moduleProperties, key) };
    }, {});
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/module/module.mjs


// ------------------------------------------------------------------
// Module Infrastructure Types
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// Module
// ------------------------------------------------------------------
// prettier-ignore
class TModule {
    constructor($defs) {
        const computed = ComputeModuleProperties($defs);
        const identified = this.WithIdentifiers(computed);
        this.$defs = identified;
    }
    /** `[Json]` Imports a Type by Key. */
    Import(key, options) {
        const $defs = { ...this.$defs, [key]: CreateType(this.$defs[key], options) };
        return CreateType({ [Kind]: 'Import', $defs, $ref: key });
    }
    // prettier-ignore
    WithIdentifiers($defs) {
        return globalThis.Object.getOwnPropertyNames($defs).reduce((result, key) => {
            return { ...result, [key]: { ...$defs[key], $id: key } };
        }, {});
    }
}
/** `[Json]` Creates a Type Definition Module. */
function Module(properties) {
    return new TModule(properties);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/not/not.mjs


/** `[Json]` Creates a Not type */
function Not(type, options) {
    return CreateType({ [Kind]: 'Not', not: type }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/parameters/parameters.mjs



/** `[JavaScript]` Extracts the Parameters from the given Function type */
function Parameters(schema, options) {
    return (kind_IsFunction(schema) ? Tuple(schema.parameters, options) : Never());
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/recursive/recursive.mjs




// Auto Tracked For Recursive Types without ID's
let Ordinal = 0;
/** `[Json]` Creates a Recursive type */
function Recursive(callback, options = {}) {
    if (value_IsUndefined(options.$id))
        options.$id = `T${Ordinal++}`;
    const thisType = CloneType(callback({ [Kind]: 'This', $ref: `${options.$id}` }));
    thisType.$id = options.$id;
    // prettier-ignore
    return CreateType({ [symbols_Hint]: 'Recursive', ...thisType }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/regexp/regexp.mjs



/** `[JavaScript]` Creates a RegExp type */
function regexp_RegExp(unresolved, options) {
    const expr = value_IsString(unresolved) ? new globalThis.RegExp(unresolved) : unresolved;
    return CreateType({ [Kind]: 'RegExp', type: 'RegExp', source: expr.source, flags: expr.flags }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/rest/rest.mjs
// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// prettier-ignore
function RestResolve(T) {
    return (IsIntersect(T) ? T.allOf :
        IsUnion(T) ? T.anyOf :
            IsTuple(T) ? T.items ?? [] :
                []);
}
/** `[Json]` Extracts interior Rest elements from Tuple, Intersect and Union types */
function Rest(T) {
    return RestResolve(T);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/return-type/return-type.mjs



/** `[JavaScript]` Extracts the ReturnType from the given Function type */
function ReturnType(schema, options) {
    return (kind_IsFunction(schema) ? CreateType(schema.returns, options) : Never(options));
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/transform/transform.mjs

// ------------------------------------------------------------------
// TypeGuard
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// TransformBuilders
// ------------------------------------------------------------------
class TransformDecodeBuilder {
    constructor(schema) {
        this.schema = schema;
    }
    Decode(decode) {
        return new TransformEncodeBuilder(this.schema, decode);
    }
}
// prettier-ignore
class TransformEncodeBuilder {
    constructor(schema, decode) {
        this.schema = schema;
        this.decode = decode;
    }
    EncodeTransform(encode, schema) {
        const Encode = (value) => schema[TransformKind].Encode(encode(value));
        const Decode = (value) => this.decode(schema[TransformKind].Decode(value));
        const Codec = { Encode: Encode, Decode: Decode };
        return { ...schema, [TransformKind]: Codec };
    }
    EncodeSchema(encode, schema) {
        const Codec = { Decode: this.decode, Encode: encode };
        return { ...schema, [TransformKind]: Codec };
    }
    Encode(encode) {
        return (IsTransform(this.schema) ? this.EncodeTransform(encode, this.schema) : this.EncodeSchema(encode, this.schema));
    }
}
/** `[Json]` Creates a Transform type */
function Transform(schema) {
    return new TransformDecodeBuilder(schema);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/unsafe/unsafe.mjs


/** `[Json]` Creates a Unsafe type that will infers as the generic argument T */
function Unsafe(options = {}) {
    return CreateType({ [Kind]: options[Kind] ?? 'Unsafe' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/void/void.mjs


/** `[JavaScript]` Creates a Void type */
function Void(options) {
    return CreateType({ [Kind]: 'Void', type: 'void' }, options);
}

;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/type.mjs
// ------------------------------------------------------------------
// Type: Module
// ------------------------------------------------------------------




























































;// CONCATENATED MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs
// ------------------------------------------------------------------
// JsonTypeBuilder
// ------------------------------------------------------------------

// ------------------------------------------------------------------
// JavaScriptTypeBuilder
// ------------------------------------------------------------------


/** JavaScript Type Builder with Static Resolution for TypeScript */
const Type = type_type_namespaceObject;



;// CONCATENATED MODULE: ./build/src/core/schemas.js
// The grid's file formats. Each schema is the single source of both the shipped JSON Schema
// (schemas/*.schema.json) and the TypeScript type, so the two cannot drift.

const TASK_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
const NODE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
const LABEL_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$';
const ENV_NAME_PATTERN = '^[A-Z_][A-Z0-9_]*$';
const MAX_SCRIPT_BYTES = 64 * 1024;
const TaskId = Type.String({
    pattern: TASK_ID_PATTERN,
    description: 'Letters, digits, dot, underscore, dash; 1 to 128 characters',
});
const NodeId = Type.String({ pattern: NODE_ID_PATTERN });
const Label = Type.String({ pattern: LABEL_PATTERN });
const DateTime = Type.String({ format: 'date-time' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Priority = Type.Union([Type.Literal('high'), Type.Literal('normal'), Type.Literal('low')]);
const Status = Type.Union([
    Type.Literal('success'),
    Type.Literal('failure'),
    Type.Literal('timeout'),
    Type.Literal('error'),
    Type.Literal('cancelled'),
]);
const taskFields = {
    $schema: Type.Optional(Type.String()),
    task_id: TaskId,
    script: Type.String({
        minLength: 1,
        maxLength: MAX_SCRIPT_BYTES,
        description: 'Run by /bin/sh -c inside the sandbox',
    }),
    timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, description: 'Default 30; at most the policy maximum' })),
    image: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Container image; must be allowlisted by the policy' })),
    priority: Type.Optional(Priority),
    depends_on: Type.Optional(Type.Array(TaskId, { uniqueItems: true, maxItems: 100 })),
    max_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    requires: Type.Optional(Type.Array(Label, { uniqueItems: true, maxItems: 32 })),
    resources: Type.Optional(Type.Object({
        cpus: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 256 })),
        memory_mb: Type.Optional(Type.Integer({ minimum: 16, maximum: 1048576 })),
    }, { additionalProperties: false })),
    not_before: Type.Optional(DateTime),
    env: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4096 }), {
        propertyNames: {
            pattern: ENV_NAME_PATTERN,
            not: { anyOf: [{ pattern: '^LD_' }, { enum: ['PATH', 'HOME'] }] },
        },
        maxProperties: 64,
    })),
    description: Type.Optional(Type.String({ maxLength: 4096 })),
    signature: Type.Optional(Type.String({ maxLength: 8192, description: 'SSH signature (namespace dgrid-task)' })),
};
/** A task as a submitter writes it in tasks/queue/. */
const TaskSchema = Type.Object(taskFields, {
    $id: 'https://dgrid.dev/schemas/task.schema.json',
    title: 'dgrid task',
    additionalProperties: false,
});
/** One finished or abandoned attempt, kept in the record's history. */
const AttemptSchema = Type.Object({
    attempt: Type.Integer({ minimum: 1 }),
    node_id: NodeId,
    claim_token: Type.String(),
    claimed_at: DateTime,
    ended_at: DateTime,
    status: Type.Union([Status, Type.Literal('orphaned'), Type.Literal('returned')]),
    reason: Type.String(),
    exit_code: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
}, { additionalProperties: false });
const managedFields = {
    attempts: Type.Optional(Type.Array(AttemptSchema, { description: 'Earlier attempts, written by dgrid' })),
};
/** A task back in the queue after an attempt: the task plus its history. */
const QueuedTaskSchema = Type.Object({ ...taskFields, ...managedFields }, { $id: 'https://dgrid.dev/schemas/queued-task.schema.json', title: 'dgrid queued task', additionalProperties: false });
const ClaimInfoSchema = Type.Object({
    node_id: NodeId,
    token: Type.String({ minLength: 16 }),
    attempt: Type.Integer({ minimum: 1 }),
    claimed_at: DateTime,
    lease_until: DateTime,
}, { additionalProperties: false });
/** A task in tasks/in_progress/: the task plus the claim that fences it. */
const ClaimSchema = Type.Object({ ...taskFields, ...managedFields, claim: ClaimInfoSchema }, { $id: 'https://dgrid.dev/schemas/claim.schema.json', title: 'dgrid claim', additionalProperties: false });
/**
 * A finished task in tasks/completed/ or tasks/failed/. The task fields are optional because a file that
 * was never a valid task still gets a result saying why.
 */
const ResultSchema = Type.Object({
    ...Type.Partial(Type.Object(taskFields)).properties,
    task_id: Type.String({ minLength: 1 }),
    ...managedFields,
    claim: Type.Optional(ClaimInfoSchema),
    node_id: Type.String(),
    status: Status,
    exit_code: Type.Union([Type.Integer(), Type.Null()]),
    reason: Type.Optional(Type.String()),
    timestamp: DateTime,
    started_at: DateTime,
    finished_at: DateTime,
    duration_ms: Type.Integer({ minimum: 0 }),
    attempt: Type.Integer({ minimum: 0 }),
    stdout: Type.String(),
    stdout_bytes: Type.Integer({ minimum: 0, description: 'Byte count of the full stdout' }),
    stdout_sha256: Sha256,
    stdout_truncated: Type.Boolean(),
    stderr: Type.String(),
    stderr_bytes: Type.Integer({ minimum: 0, description: 'Byte count of the full stderr' }),
    stderr_sha256: Sha256,
    stderr_truncated: Type.Boolean(),
}, { $id: 'https://dgrid.dev/schemas/result.schema.json', title: 'dgrid result', additionalProperties: false });
/** A request to cancel a task, at tasks/cancel/<task_id>.json: by `dgrid cancel` or by pull request. */
const CancelSchema = Type.Object({
    $schema: Type.Optional(Type.String()),
    task_id: TaskId,
    reason: Type.Optional(Type.String({ maxLength: 1024 })),
}, { $id: 'https://dgrid.dev/schemas/cancel.schema.json', title: 'dgrid cancel request', additionalProperties: false });
const NodeStatus = Type.Union([Type.Literal('online'), Type.Literal('draining'), Type.Literal('offline')]);
const NodeSchema = Type.Object({
    node_id: NodeId,
    labels: Type.Array(Label),
    slots: Type.Integer({ minimum: 1 }),
    version: Type.String(),
    started_at: DateTime,
    last_heartbeat: DateTime,
    status: NodeStatus,
    tasks: Type.Array(TaskId),
    completed: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
}, { $id: 'https://dgrid.dev/schemas/node.schema.json', title: 'dgrid node', additionalProperties: false });
const section = (properties, description) => Type.Optional(Type.Object(properties, { additionalProperties: false, default: {}, description }));
const PolicySchema = Type.Object({
    $schema: Type.Optional(Type.String()),
    default_image: Type.Optional(Type.String({ minLength: 1, default: 'python:3.12-alpine' })),
    allowed_images: Type.Optional(Type.Array(Type.String({ minLength: 1 }), {
        default: ['python:3.12-alpine'],
        description: 'Exact image references; a digest (name@sha256:...) pins content',
    })),
    default_timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, default: 30 })),
    max_timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, default: 3600 })),
    limits: section({
        cpus: Type.Optional(Type.Number({ exclusiveMinimum: 0, default: 1, description: 'Default and maximum CPUs per task' })),
        memory_mb: Type.Optional(Type.Integer({ minimum: 16, default: 512, description: 'Default and maximum memory per task' })),
        pids: Type.Optional(Type.Integer({ minimum: 8, default: 128 })),
        tmpfs_mb: Type.Optional(Type.Integer({ minimum: 1, default: 64 })),
        file_size_mb: Type.Optional(Type.Integer({ minimum: 1, default: 64 })),
    }, 'Resource limits of each task container'),
    output_cap_bytes: Type.Optional(Type.Integer({ minimum: 256, default: 10240, description: 'Kept bytes per stream' })),
    default_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 3 })),
    retry_backoff_seconds: Type.Optional(Type.Integer({ minimum: 0, default: 30, description: 'First retry delay; doubles per attempt, with jitter' })),
    max_retry_backoff_seconds: Type.Optional(Type.Integer({ minimum: 0, default: 3600 })),
    push_budget_per_minute: Type.Optional(Type.Number({
        minimum: 0,
        default: 6,
        description: "Pushes per minute each node may make (0: no limit); GitHub's guidance is 6 per repository",
    })),
    max_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 10 })),
    lease: section({
        grace_seconds: Type.Optional(Type.Integer({ minimum: 0, default: 120, description: 'Bounds clock skew between machines' })),
        heartbeat_seconds: Type.Optional(Type.Integer({ minimum: 1, default: 60 })),
        node_timeout_seconds: Type.Optional(Type.Integer({ minimum: 10, default: 600 })),
    }, 'Leases and heartbeats'),
    quotas: section({
        tasks_per_pull_request: Type.Optional(Type.Integer({ minimum: 1, default: 100 })),
        queued_per_submitter: Type.Optional(Type.Integer({ minimum: 1, default: 500 })),
        max_queued: Type.Optional(Type.Integer({ minimum: 1, maximum: 3000, default: 2500 })),
    }, 'Per-submitter and grid-wide limits, enforced by validate-task'),
    signatures: section({
        required: Type.Optional(Type.Boolean({ default: false })),
        trusted_signers: Type.Optional(Type.Array(Type.String(), {
            default: [],
            description: 'allowed_signers lines: "principal ssh-ed25519 AAAA..."',
        })),
    }, 'Signed tasks'),
    retention: section({
        days: Type.Optional(Type.Integer({ minimum: 1, default: 30, description: 'Age after which results are archived' })),
        offline_node_days: Type.Optional(Type.Integer({ minimum: 1, default: 7 })),
    }, 'Retention of results and nodes'),
}, {
    $id: 'https://dgrid.dev/schemas/policy.schema.json',
    title: 'dgrid policy (dgrid.json)',
    additionalProperties: false,
});
/** The schemas shipped in schemas/, by file name. */
const shippedSchemas = {
    'task.schema.json': TaskSchema,
    'queued-task.schema.json': QueuedTaskSchema,
    'claim.schema.json': ClaimSchema,
    'result.schema.json': ResultSchema,
    'node.schema.json': NodeSchema,
    'cancel.schema.json': CancelSchema,
    'policy.schema.json': PolicySchema,
};


/***/ }),

/***/ 3860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ signTaskFile),
/* harmony export */   jB: () => (/* binding */ verifyTaskSignature),
/* harmony export */   pD: () => (/* binding */ parseAllowedSigners)
/* harmony export */ });
/* unused harmony exports TASK_SIGNATURE_NAMESPACE, fingerprintOf, verifySshSignature, taskSigningMessage */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1455);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7975);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3026);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8202);
/* harmony import */ var _strict_json_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1577);
// SSH signatures (the SSHSIG format of `ssh-keygen -Y sign`, see OpenSSH's PROTOCOL.sshsig), verified with
// node:crypto alone so that checking a pull request needs no OpenSSH. Signing does use ssh-keygen: it is where
// the submitter's private key lives, possibly behind ssh-agent.
//
// Task signatures, the contract between submitters and grids:
// - A task file may carry the field "signature": a string holding an armored SSH signature made with the
//   namespace "dgrid-task" (ssh-keygen -Y sign -n dgrid-task).
// - The signed message is "dgrid-task:v1\n" + task_id + "\n" + the canonical JSON of the task without its
//   "signature" field and without the fields dgrid itself writes into a queued task ("attempts", so a requeued
//   task keeps its signature). Canonical JSON: object keys sorted (by UTF-16 code units, as
//   Array.prototype.sort does) at every depth, no whitespace, strings and numbers as JSON.stringify writes them.
// So a signature covers every field yet survives reformatting, cannot be moved to another task id, and cannot be
// confused with anything else the same key signs (git commits, files), which use other namespaces.







const TASK_SIGNATURE_NAMESPACE = 'dgrid-task';
const MAGIC = Buffer.from('SSHSIG');
const HASH_ALGORITHMS = new Set(['sha256', 'sha512']);
const MIN_RSA_BITS = 2048;
const ARMOR_BEGIN = '-----BEGIN SSH SIGNATURE-----';
const ARMOR_END = '-----END SSH SIGNATURE-----';
const CURVES = {
    'ecdsa-sha2-nistp256': { curve: 'nistp256', jwkCurve: 'P-256', size: 32, hash: 'sha256' },
    'ecdsa-sha2-nistp384': { curve: 'nistp384', jwkCurve: 'P-384', size: 48, hash: 'sha384' },
    'ecdsa-sha2-nistp521': { curve: 'nistp521', jwkCurve: 'P-521', size: 66, hash: 'sha512' },
};
const RSA_SIGNATURE_HASHES = { 'rsa-sha2-256': 'sha256', 'rsa-sha2-512': 'sha512' };
const KEY_TYPES = ['ssh-ed25519', ...Object.keys(CURVES), 'ssh-rsa'];
/** A signature or key that does not follow the wire format; its message is the reason given to the user. */
class FormatError extends Error {
}
/** Reads the SSH wire format (RFC 4251): uint32 lengths before strings, every read bounds-checked. */
class WireReader {
    buffer;
    what;
    #offset = 0;
    constructor(buffer, what) {
        this.buffer = buffer;
        this.what = what;
    }
    uint32() {
        return this.bytes(4).readUInt32BE(0);
    }
    string() {
        return this.bytes(this.uint32());
    }
    text() {
        return this.string().toString('latin1');
    }
    bytes(length) {
        if (this.#offset + length > this.buffer.length)
            throw new FormatError(`the ${this.what} is truncated or malformed`);
        const bytes = this.buffer.subarray(this.#offset, this.#offset + length);
        this.#offset += length;
        return bytes;
    }
    end() {
        if (this.#offset !== this.buffer.length)
            throw new FormatError(`the ${this.what} is malformed (trailing data)`);
    }
}
function wireString(value) {
    const bytes = Buffer.from(value);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
}
function base64url(bytes) {
    return bytes.toString('base64url');
}
/** An mpint as the unsigned big-endian bytes a JWK wants. */
function unsigned(mpint) {
    let start = 0;
    while (start < mpint.length - 1 && mpint[start] === 0)
        start++;
    return mpint.subarray(start);
}
function fingerprintOf(blob) {
    return `SHA256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
function publicKeyFromBlob(keyType, blob) {
    const reader = new WireReader(blob, 'key data');
    const embeddedType = reader.text();
    if (embeddedType !== keyType)
        throw new FormatError(`the key data is a ${embeddedType} key, not ${keyType}`);
    const curve = CURVES[keyType];
    let jwk;
    if (keyType === 'ssh-ed25519') {
        jwk = { kty: 'OKP', crv: 'Ed25519', x: base64url(reader.string()) };
    }
    else if (curve) {
        if (reader.text() !== curve.curve)
            throw new FormatError(`the key data does not name curve ${curve.curve}`);
        const point = reader.string();
        if (point.length !== 1 + 2 * curve.size || point[0] !== 4) {
            throw new FormatError('the key data holds no valid point');
        }
        jwk = {
            kty: 'EC',
            crv: curve.jwkCurve,
            x: base64url(point.subarray(1, 1 + curve.size)),
            y: base64url(point.subarray(1 + curve.size)),
        };
    }
    else {
        const e = unsigned(reader.string());
        const n = unsigned(reader.string());
        if (n.length * 8 < MIN_RSA_BITS)
            throw new FormatError(`RSA keys need at least ${MIN_RSA_BITS} bits`);
        jwk = { kty: 'RSA', n: base64url(n), e: base64url(e) };
    }
    reader.end();
    try {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createPublicKey)({ key: jwk, format: 'jwk' });
    }
    catch (error) {
        throw new FormatError(`the key data is not a valid ${keyType} key (${error.message})`);
    }
}
/** Splits on blanks outside double quotes, as OpenSSH does for allowed_signers lines. */
function fields(line) {
    return line.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
}
function parseOptions(text) {
    let namespaces;
    for (const option of text.match(/(?:[^,"]+|"[^"]*")+/g) ?? []) {
        const match = /^namespaces="([^"]*)"$/i.exec(option);
        if (!match)
            throw new FormatError(`option ${option} is not supported (only namespaces="...")`);
        namespaces = (match[1] ?? '').split(',').map((namespace) => namespace.trim());
        const pattern = namespaces.find((namespace) => namespace === '' || /[*?!]/.test(namespace));
        if (pattern !== undefined) {
            throw new FormatError(`namespace "${pattern}" is not an exact name: list exact namespaces`);
        }
    }
    return namespaces;
}
/**
 * Parses allowed_signers lines (see ssh-keygen(1)): `principals [namespaces="a,b"] keytype base64 [comment]`.
 * Blank lines and # comments are skipped. Throws a UserError naming the line (counted from 1) on anything else.
 */
function parseAllowedSigners(lines) {
    const signers = [];
    lines.forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        try {
            signers.push(parseSignerLine(trimmed));
        }
        catch (error) {
            if (!(error instanceof FormatError))
                throw error;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y(`trusted signer line ${index + 1}: ${error.message}`);
        }
    });
    return signers;
}
function parseSignerLine(line) {
    const [principalField = '', ...rest] = fields(line);
    // Key types never hold "=", and cert-authority is the one option without a value.
    const hasOptions = /=|^cert-authority$/i.test(rest[0] ?? '');
    const namespaces = hasOptions ? parseOptions(rest.shift() ?? '') : undefined;
    const [keyType, data] = rest;
    if (keyType === undefined || data === undefined) {
        throw new FormatError('expected "principal [namespaces=\\"...\\"] key-type base64-key"');
    }
    if (!KEY_TYPES.includes(keyType)) {
        throw new FormatError(`key type ${keyType} is not supported (use ${KEY_TYPES.join(', ')})`);
    }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0) {
        throw new FormatError('the key is not valid base64');
    }
    const blob = Buffer.from(data, 'base64');
    const principal = principalField.replace(/^"(.*)"$/, '$1');
    if (principal === '')
        throw new FormatError('the principal is empty');
    return {
        principal,
        namespaces,
        keyType,
        fingerprint: fingerprintOf(blob),
        blob,
        key: publicKeyFromBlob(keyType, blob),
    };
}
function dearmor(armored) {
    const lines = armored.trim().split(/\r?\n/);
    if (lines.length < 3 || lines[0] !== ARMOR_BEGIN || lines.at(-1) !== ARMOR_END) {
        throw new FormatError(`the signature is not armored: it must run from ${ARMOR_BEGIN} to ${ARMOR_END}`);
    }
    const body = lines.slice(1, -1).join('');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
        throw new FormatError('the signature is not valid base64 between its armor lines');
    }
    return Buffer.from(body, 'base64');
}
function parseSshSig(bytes) {
    const reader = new WireReader(bytes, 'signature');
    if (bytes.length < MAGIC.length || !reader.bytes(MAGIC.length).equals(MAGIC)) {
        throw new FormatError('the signature is not an SSH signature (no SSHSIG magic)');
    }
    const version = reader.uint32();
    if (version !== 1)
        throw new FormatError(`SSH signature version ${version} is not supported (only 1)`);
    const sig = {
        publicKey: reader.string(),
        namespace: reader.text(),
        reserved: reader.string(),
        hashAlgorithm: reader.text(),
        signature: reader.string(),
    };
    reader.end();
    return sig;
}
/** Checks the key's raw signature (algorithm name and bytes, in wire format) over data. */
function verifyRaw(signer, signatureBlob, data) {
    const reader = new WireReader(signatureBlob, 'signature');
    const algorithm = reader.text();
    const raw = reader.string();
    reader.end();
    const curve = CURVES[signer.keyType];
    const rsaHash = RSA_SIGNATURE_HASHES[algorithm];
    if (signer.keyType === 'ssh-ed25519' && algorithm === 'ssh-ed25519')
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.verify)(null, data, signer.key, raw);
    if (curve && algorithm === signer.keyType) {
        // SSH carries r and s as mpints; node wants them as fixed-size halves (IEEE P1363).
        const values = new WireReader(raw, 'signature');
        const [r, s] = [unsigned(values.string()), unsigned(values.string())];
        values.end();
        if (r.length > curve.size || s.length > curve.size)
            return false;
        const p1363 = Buffer.alloc(2 * curve.size);
        r.copy(p1363, curve.size - r.length);
        s.copy(p1363, 2 * curve.size - s.length);
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.verify)(curve.hash, data, { key: signer.key, dsaEncoding: 'ieee-p1363' }, p1363);
    }
    // ssh-rsa signatures use SHA-1, which OpenSSH refuses for SSHSIG too.
    if (signer.keyType === 'ssh-rsa' && rsaHash)
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.verify)(rsaHash, data, signer.key, raw);
    throw new FormatError(`signature algorithm ${algorithm} does not fit a ${signer.keyType} key`);
}
/**
 * Verifies an armored SSHSIG over message: the namespace must equal `namespace` exactly, the embedded key must
 * belong to a signer whose namespaces option (if any) lists it, and the signature must check out.
 */
function verifySshSignature(args) {
    const { message, armored, namespace, signers } = args;
    try {
        const sig = parseSshSig(dearmor(armored));
        if (sig.namespace !== namespace)
            return refuse(`signed for namespace ${sig.namespace}, expected ${namespace}`);
        if (!HASH_ALGORITHMS.has(sig.hashAlgorithm)) {
            return refuse(`hash algorithm ${sig.hashAlgorithm} is not supported: sign with sha256 or sha512`);
        }
        const fingerprint = fingerprintOf(sig.publicKey);
        const owners = signers.filter((signer) => signer.blob.equals(sig.publicKey));
        const signer = owners.find((owner) => owner.namespaces === undefined || owner.namespaces.includes(namespace));
        if (!signer) {
            return refuse(owners[0]
                ? `key ${fingerprint} (${owners[0].principal}) is not allowed to sign namespace ${namespace}`
                : `key ${fingerprint} is not a trusted signer`);
        }
        const signedData = Buffer.concat([
            MAGIC,
            wireString(sig.namespace),
            wireString(sig.reserved),
            wireString(sig.hashAlgorithm),
            wireString((0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)(sig.hashAlgorithm).update(message).digest()),
        ]);
        if (!verifyRaw(signer, sig.signature, signedData))
            return refuse('the signature does not match the content');
        return { ok: true, principal: signer.principal };
    }
    catch (error) {
        if (error instanceof FormatError)
            return refuse(error.message);
        throw error;
    }
}
function refuse(reason) {
    return { ok: false, reason };
}
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const object = value;
        const members = Object.keys(object)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
        return `{${members.join(',')}}`;
    }
    return JSON.stringify(value);
}
// What a queued task may hold beyond what its submitter wrote: derived from the schemas so the two cannot drift.
const MANAGED_FIELDS = new Set(Object.keys(_schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .QueuedTaskSchema */ ._l.properties).filter((key) => !(key in _schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .TaskSchema */ .pj.properties)));
/** The bytes a task's signature covers (see the contract at the top of this file). */
function taskSigningMessage(task) {
    if (typeof task.task_id !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y('the task has no task_id string: add one before signing');
    const signed = Object.fromEntries(Object.entries(withoutSignature(task)).filter(([key]) => !MANAGED_FIELDS.has(key)));
    return Buffer.from(`dgrid-task:v1\n${task.task_id}\n${canonicalJson(signed)}`);
}
function withoutSignature(task) {
    const copy = { ...task };
    delete copy.signature;
    return copy;
}
function verifyTaskSignature(task, signers) {
    if (!Object.hasOwn(task, 'signature'))
        return refuse('the task has no signature field');
    if (typeof task.signature !== 'string') {
        return refuse('the signature field must be a string (an armored SSH signature)');
    }
    if (typeof task.task_id !== 'string')
        return refuse('the task has no task_id string');
    return verifySshSignature({
        message: taskSigningMessage(task),
        armored: task.signature,
        namespace: TASK_SIGNATURE_NAMESPACE,
        signers,
    });
}
/**
 * Signs a task file in place with `ssh-keygen -Y sign -n dgrid-task -f keyPath`, replacing any earlier
 * signature. keyPath is a private key, or a public key whose private half is in ssh-agent.
 */
async function signTaskFile(path, keyPath) {
    const parsed = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_5__/* .parseStrictJson */ .RJ)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path));
    if (!parsed.ok) {
        const problems = parsed.problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y(problems.join('\n'));
    }
    const task = withoutSignature(parsed.value);
    const armored = await sshKeygenSign(taskSigningMessage(task), keyPath, TASK_SIGNATURE_NAMESPACE);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(path, `${JSON.stringify({ ...task, signature: armored }, null, 2)}\n`);
}
async function sshKeygenSign(message, keyPath, namespace) {
    // With no file argument ssh-keygen signs standard input and prints the signature, so no temporary file is needed.
    const running = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('ssh-keygen', ['-Y', 'sign', '-n', namespace, '-f', keyPath]);
    // If ssh-keygen exits without reading (a bad key), writing fails with EPIPE; its exit status says why.
    running.child.stdin?.on('error', () => { });
    running.child.stdin?.end(message);
    try {
        const { stdout } = await running;
        return stdout.trim();
    }
    catch (error) {
        const failure = error;
        if (failure.code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y('ssh-keygen was not found: install OpenSSH 8.1 or later to sign tasks');
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .y(`ssh-keygen could not sign with ${keyPath}: ${failure.stderr?.trim() || failure.message}`);
    }
}


/***/ }),

/***/ 6799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e8: () => (/* binding */ cacheDir),
/* harmony export */   rk: () => (/* binding */ readStatus)
/* harmony export */ });
/* unused harmony export unrunnableTasks */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var _grid_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5865);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2879);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3478);






/** A private cache repository per remote, branch and purpose, so concurrent tools never share an index. */
function cacheDir(remote, branch, purpose) {
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(`${remote}\0${branch}`).digest('hex').slice(0, 12);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'dgrid-cache', `${key}-${purpose}`);
}
function unrunnableTasks(queued, nodes) {
    const online = nodes.filter((n) => n.status === 'online');
    return queued
        .filter((t) => t.requires?.length && !online.some((n) => t.requires.every((l) => n.labels.includes(l))))
        .map((t) => ({ task_id: t.task_id, requires: t.requires }));
}
async function readStatus(store) {
    const tip = await store.fetch();
    const snapshot = await _grid_js__WEBPACK_IMPORTED_MODULE_3__/* .GridSnapshot */ .T.load(store, tip);
    const counts = Object.fromEntries(_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .LIFECYCLE */ .VD.map((state) => [state, snapshot.of(state).length]));
    const nodes = await snapshot.nodes();
    const queued = [...(await snapshot.readJson(snapshot.of('queue'))).values()].filter((v) => _validation_js__WEBPACK_IMPORTED_MODULE_5__/* .queuedTaskValidator */ .vZ.is(v));
    return { tip, counts, nodes, unrunnable: unrunnableTasks(queued, nodes) };
}


/***/ }),

/***/ 1577:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  RJ: () => (/* binding */ parseStrictJson)
});

// UNUSED EXPORTS: DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, positionOf

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./node_modules/@humanwhocodes/momoa/dist/momoa.js
/**
 * @fileoverview Character codes.
 * @author Nicholas C. Zakas
 */

const CHAR_0 = 48;          // 0
const CHAR_1 = 49;          // 1
const CHAR_9 = 57;          // 9
const CHAR_BACKSLASH = 92;  // \
const CHAR_DOLLAR = 36;     // $
const CHAR_DOT = 46;        // .
const CHAR_DOUBLE_QUOTE = 34; // "
const CHAR_LOWER_A = 97;    // a
const CHAR_LOWER_E = 101;         // e
const CHAR_LOWER_F = 102;   // f
const CHAR_LOWER_N = 110;   // n
const CHAR_LOWER_T = 116;   // t
const CHAR_LOWER_U = 117;   // u
const CHAR_LOWER_X = 120;   // x
const CHAR_LOWER_Z = 122;   // z
const CHAR_MINUS = 45;      // -
const CHAR_NEWLINE = 10;    // newline
const CHAR_PLUS = 43;       // +
const CHAR_RETURN = 13;     // return
const CHAR_SINGLE_QUOTE = 39; // '
const CHAR_SLASH = 47;      // /
const CHAR_SPACE = 32;      // space
const CHAR_TAB = 9;         // tab
const CHAR_UNDERSCORE = 95; // _
const CHAR_UPPER_A = 65;    // A
const CHAR_UPPER_E = 69;          // E
const CHAR_UPPER_F = 70;    // F
const CHAR_UPPER_N = 78;    // N
const CHAR_UPPER_X = 88;    // X
const CHAR_UPPER_Z = 90;    // Z
const CHAR_LOWER_B = 98;    // b
const CHAR_LOWER_R = 114;   // r
const CHAR_LOWER_V = 118;   // v
const CHAR_LINE_SEPARATOR = 0x2028;
const CHAR_PARAGRAPH_SEPARATOR = 0x2029;
const CHAR_UPPER_I = 73;    // I
const CHAR_STAR = 42;       // *
const CHAR_VTAB = 11;            // U+000B Vertical tab
const CHAR_FORM_FEED = 12;       // U+000C Form feed
const CHAR_NBSP = 160;           // U+00A0 Non-breaking space
const CHAR_BOM = 65279;          // U+FEFF
const CHAR_NON_BREAKING_SPACE = 160;
const CHAR_EN_QUAD = 8192;
const CHAR_EM_QUAD = 8193;
const CHAR_EN_SPACE = 8194;
const CHAR_EM_SPACE = 8195;
const CHAR_THREE_PER_EM_SPACE = 8196;
const CHAR_FOUR_PER_EM_SPACE = 8197;
const CHAR_SIX_PER_EM_SPACE = 8198;
const CHAR_FIGURE_SPACE = 8199;
const CHAR_PUNCTUATION_SPACE = 8200;
const CHAR_THIN_SPACE = 8201;
const CHAR_HAIR_SPACE = 8202;
const CHAR_NARROW_NO_BREAK_SPACE = 8239;
const CHAR_MEDIUM_MATHEMATICAL_SPACE = 8287;
const CHAR_IDEOGRAPHIC_SPACE = 12288;

/**
 * @fileoverview JSON syntax helpers
 * @author Nicholas C. Zakas
 */


//-----------------------------------------------------------------------------
// Types
//-----------------------------------------------------------------------------

/** @typedef {import("./typedefs.js").TokenType} TokenType */

//-----------------------------------------------------------------------------
// Predefined Tokens
//-----------------------------------------------------------------------------

const LBRACKET = "[";
const RBRACKET = "]";
const LBRACE = "{";
const RBRACE = "}";
const COLON = ":";
const COMMA = ",";

const TRUE = "true";
const FALSE = "false";
const NULL = "null";
const NAN$1 = "NaN";
const INFINITY$1 = "Infinity";
const QUOTE = "\"";

const escapeToChar = new Map([
    [CHAR_DOUBLE_QUOTE, QUOTE],
    [CHAR_BACKSLASH, "\\"],
    [CHAR_SLASH, "/"],
    [CHAR_LOWER_B, "\b"],
    [CHAR_LOWER_N, "\n"],
    [CHAR_LOWER_F, "\f"],
    [CHAR_LOWER_R, "\r"],
    [CHAR_LOWER_T, "\t"]
]);

const json5EscapeToChar = new Map([
    ...escapeToChar,
    [CHAR_LOWER_V, "\v"],
    [CHAR_0, "\0"]
]);

const charToEscape = new Map([
    [QUOTE, QUOTE],
    ["\\", "\\"],
    ["/", "/"],
    ["\b", "b"],
    ["\n", "n"],
    ["\f", "f"],
    ["\r", "r"],
    ["\t", "t"]
]);

const json5CharToEscape = new Map([
    ...charToEscape,
    ["\v", "v"],
    ["\0", "0"],
    ["\u2028", "u2028"],
    ["\u2029", "u2029"]
]);

/** @type {Map<string,TokenType>} */
const knownTokenTypes = new Map([
    [LBRACKET, "LBracket"],
    [RBRACKET, "RBracket"],
    [LBRACE, "LBrace"],
    [RBRACE, "RBrace"],
    [COLON, "Colon"],
    [COMMA, "Comma"],
    [TRUE, "Boolean"],
    [FALSE, "Boolean"],
    [NULL, "Null"]
]);

/** @type {Map<string,TokenType>} */
const knownJSON5TokenTypes = new Map([
    ...knownTokenTypes,
    [NAN$1, "Number"],
    [INFINITY$1, "Number"]
]);

// JSON5
const json5LineTerminators = new Set([
    CHAR_NEWLINE,
    CHAR_RETURN,
    CHAR_LINE_SEPARATOR,
    CHAR_PARAGRAPH_SEPARATOR
]);

/**
 * @fileoverview JSON tokenization/parsing errors
 * @author Nicholas C. Zakas
 */

//-----------------------------------------------------------------------------
// Typedefs
//-----------------------------------------------------------------------------

/** @typedef {import("./typedefs.js").Location} Location */
/** @typedef {import("./typedefs.js").Token} Token */

//-----------------------------------------------------------------------------
// Errors
//-----------------------------------------------------------------------------

/**
 * Base class that attaches location to an error.
 */
class ErrorWithLocation extends Error {

    /**
     * Creates a new instance.
     * @param {string} message The error message to report. 
     * @param {Location} loc The location information for the error.
     */
    constructor(message, { line, column, offset }) {
        super(`${ message } (${ line }:${ column})`);

        /**
         * The line on which the error occurred.
         * @type {number}
         */
        this.line = line;

        /**
         * The column on which the error occurred.
         * @type {number}
         */
        this.column = column;
        
        /**
         * The index into the string where the error occurred.
         * @type {number}
         */
        this.offset = offset;
    }

}

/**
 * Error thrown when an unexpected character is found during tokenizing.
 */
class UnexpectedChar extends ErrorWithLocation {

    /**
     * Creates a new instance.
     * @param {number} unexpected The character that was found.
     * @param {Location} loc The location information for the found character.
     */
    constructor(unexpected, loc) {
        super(`Unexpected character '${ String.fromCharCode(unexpected) }' found.`, loc);
    }
}

/**
 * Error thrown when an unexpected identifier is found during tokenizing.
 */
class UnexpectedIdentifier extends ErrorWithLocation {

    /**
     * Creates a new instance.
     * @param {string} unexpected The character that was found.
     * @param {Location} loc The location information for the found character.
     */
    constructor(unexpected, loc) {
        super(`Unexpected identifier '${ unexpected }' found.`, loc);
    }
}

/**
 * Error thrown when an unexpected token is found during parsing.
 */
class UnexpectedToken extends ErrorWithLocation {

    /**
     * Creates a new instance.
     * @param {Token} token The token that was found. 
     */
    constructor(token) {
        super(`Unexpected token ${ token.type } found.`, token.loc.start);
    }
}

/**
 * Error thrown when the end of input is found where it isn't expected.
 */
class UnexpectedEOF extends ErrorWithLocation {

    /**
     * Creates a new instance.
     * @param {Location} loc The location information for the found character.
     */
    constructor(loc) {
        super("Unexpected end of input found.", loc);
    }
}

/*
 * The following is extracted from https://github.com/json5/json5/
 *
 * MIT License
 * 
 * Copyright (c) 2012-2018 Aseem Kishore, and others.
 * 
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:
 * 
 * The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.
 * 
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
*/

const ID_Start = /[\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u0559\u0561-\u0587\u05D0-\u05EA\u05F0-\u05F2\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FC\u06FF\u0710\u0712-\u072F\u074D-\u07A5\u07B1\u07CA-\u07EA\u07F4\u07F5\u07FA\u0800-\u0815\u081A\u0824\u0828\u0840-\u0858\u0860-\u086A\u08A0-\u08B4\u08B6-\u08BD\u0904-\u0939\u093D\u0950\u0958-\u0961\u0971-\u0980\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BD\u09CE\u09DC\u09DD\u09DF-\u09E1\u09F0\u09F1\u09FC\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A59-\u0A5C\u0A5E\u0A72-\u0A74\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABD\u0AD0\u0AE0\u0AE1\u0AF9\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3D\u0B5C\u0B5D\u0B5F-\u0B61\u0B71\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BD0\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D\u0C58-\u0C5A\u0C60\u0C61\u0C80\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBD\u0CDE\u0CE0\u0CE1\u0CF1\u0CF2\u0D05-\u0D0C\u0D0E-\u0D10\u0D12-\u0D3A\u0D3D\u0D4E\u0D54-\u0D56\u0D5F-\u0D61\u0D7A-\u0D7F\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46\u0E81\u0E82\u0E84\u0E87\u0E88\u0E8A\u0E8D\u0E94-\u0E97\u0E99-\u0E9F\u0EA1-\u0EA3\u0EA5\u0EA7\u0EAA\u0EAB\u0EAD-\u0EB0\u0EB2\u0EB3\u0EBD\u0EC0-\u0EC4\u0EC6\u0EDC-\u0EDF\u0F00\u0F40-\u0F47\u0F49-\u0F6C\u0F88-\u0F8C\u1000-\u102A\u103F\u1050-\u1055\u105A-\u105D\u1061\u1065\u1066\u106E-\u1070\u1075-\u1081\u108E\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u170C\u170E-\u1711\u1720-\u1731\u1740-\u1751\u1760-\u176C\u176E-\u1770\u1780-\u17B3\u17D7\u17DC\u1820-\u1877\u1880-\u1884\u1887-\u18A8\u18AA\u18B0-\u18F5\u1900-\u191E\u1950-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u1A00-\u1A16\u1A20-\u1A54\u1AA7\u1B05-\u1B33\u1B45-\u1B4B\u1B83-\u1BA0\u1BAE\u1BAF\u1BBA-\u1BE5\u1C00-\u1C23\u1C4D-\u1C4F\u1C5A-\u1C7D\u1C80-\u1C88\u1CE9-\u1CEC\u1CEE-\u1CF1\u1CF5\u1CF6\u1D00-\u1DBF\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2071\u207F\u2090-\u209C\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2126\u2128\u212A-\u212D\u212F-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2C2E\u2C30-\u2C5E\u2C60-\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u2E2F\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303C\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312E\u3131-\u318E\u31A0-\u31BA\u31F0-\u31FF\u3400-\u4DB5\u4E00-\u9FEA\uA000-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA61F\uA62A\uA62B\uA640-\uA66E\uA67F-\uA69D\uA6A0-\uA6EF\uA717-\uA71F\uA722-\uA788\uA78B-\uA7AE\uA7B0-\uA7B7\uA7F7-\uA801\uA803-\uA805\uA807-\uA80A\uA80C-\uA822\uA840-\uA873\uA882-\uA8B3\uA8F2-\uA8F7\uA8FB\uA8FD\uA90A-\uA925\uA930-\uA946\uA960-\uA97C\uA984-\uA9B2\uA9CF\uA9E0-\uA9E4\uA9E6-\uA9EF\uA9FA-\uA9FE\uAA00-\uAA28\uAA40-\uAA42\uAA44-\uAA4B\uAA60-\uAA76\uAA7A\uAA7E-\uAAAF\uAAB1\uAAB5\uAAB6\uAAB9-\uAABD\uAAC0\uAAC2\uAADB-\uAADD\uAAE0-\uAAEA\uAAF2-\uAAF4\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB65\uAB70-\uABE2\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D\uFB1F-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC]|\uD800[\uDC00-\uDC0B\uDC0D-\uDC26\uDC28-\uDC3A\uDC3C\uDC3D\uDC3F-\uDC4D\uDC50-\uDC5D\uDC80-\uDCFA\uDD40-\uDD74\uDE80-\uDE9C\uDEA0-\uDED0\uDF00-\uDF1F\uDF2D-\uDF4A\uDF50-\uDF75\uDF80-\uDF9D\uDFA0-\uDFC3\uDFC8-\uDFCF\uDFD1-\uDFD5]|\uD801[\uDC00-\uDC9D\uDCB0-\uDCD3\uDCD8-\uDCFB\uDD00-\uDD27\uDD30-\uDD63\uDE00-\uDF36\uDF40-\uDF55\uDF60-\uDF67]|\uD802[\uDC00-\uDC05\uDC08\uDC0A-\uDC35\uDC37\uDC38\uDC3C\uDC3F-\uDC55\uDC60-\uDC76\uDC80-\uDC9E\uDCE0-\uDCF2\uDCF4\uDCF5\uDD00-\uDD15\uDD20-\uDD39\uDD80-\uDDB7\uDDBE\uDDBF\uDE00\uDE10-\uDE13\uDE15-\uDE17\uDE19-\uDE33\uDE60-\uDE7C\uDE80-\uDE9C\uDEC0-\uDEC7\uDEC9-\uDEE4\uDF00-\uDF35\uDF40-\uDF55\uDF60-\uDF72\uDF80-\uDF91]|\uD803[\uDC00-\uDC48\uDC80-\uDCB2\uDCC0-\uDCF2]|\uD804[\uDC03-\uDC37\uDC83-\uDCAF\uDCD0-\uDCE8\uDD03-\uDD26\uDD50-\uDD72\uDD76\uDD83-\uDDB2\uDDC1-\uDDC4\uDDDA\uDDDC\uDE00-\uDE11\uDE13-\uDE2B\uDE80-\uDE86\uDE88\uDE8A-\uDE8D\uDE8F-\uDE9D\uDE9F-\uDEA8\uDEB0-\uDEDE\uDF05-\uDF0C\uDF0F\uDF10\uDF13-\uDF28\uDF2A-\uDF30\uDF32\uDF33\uDF35-\uDF39\uDF3D\uDF50\uDF5D-\uDF61]|\uD805[\uDC00-\uDC34\uDC47-\uDC4A\uDC80-\uDCAF\uDCC4\uDCC5\uDCC7\uDD80-\uDDAE\uDDD8-\uDDDB\uDE00-\uDE2F\uDE44\uDE80-\uDEAA\uDF00-\uDF19]|\uD806[\uDCA0-\uDCDF\uDCFF\uDE00\uDE0B-\uDE32\uDE3A\uDE50\uDE5C-\uDE83\uDE86-\uDE89\uDEC0-\uDEF8]|\uD807[\uDC00-\uDC08\uDC0A-\uDC2E\uDC40\uDC72-\uDC8F\uDD00-\uDD06\uDD08\uDD09\uDD0B-\uDD30\uDD46]|\uD808[\uDC00-\uDF99]|\uD809[\uDC00-\uDC6E\uDC80-\uDD43]|[\uD80C\uD81C-\uD820\uD840-\uD868\uD86A-\uD86C\uD86F-\uD872\uD874-\uD879][\uDC00-\uDFFF]|\uD80D[\uDC00-\uDC2E]|\uD811[\uDC00-\uDE46]|\uD81A[\uDC00-\uDE38\uDE40-\uDE5E\uDED0-\uDEED\uDF00-\uDF2F\uDF40-\uDF43\uDF63-\uDF77\uDF7D-\uDF8F]|\uD81B[\uDF00-\uDF44\uDF50\uDF93-\uDF9F\uDFE0\uDFE1]|\uD821[\uDC00-\uDFEC]|\uD822[\uDC00-\uDEF2]|\uD82C[\uDC00-\uDD1E\uDD70-\uDEFB]|\uD82F[\uDC00-\uDC6A\uDC70-\uDC7C\uDC80-\uDC88\uDC90-\uDC99]|\uD835[\uDC00-\uDC54\uDC56-\uDC9C\uDC9E\uDC9F\uDCA2\uDCA5\uDCA6\uDCA9-\uDCAC\uDCAE-\uDCB9\uDCBB\uDCBD-\uDCC3\uDCC5-\uDD05\uDD07-\uDD0A\uDD0D-\uDD14\uDD16-\uDD1C\uDD1E-\uDD39\uDD3B-\uDD3E\uDD40-\uDD44\uDD46\uDD4A-\uDD50\uDD52-\uDEA5\uDEA8-\uDEC0\uDEC2-\uDEDA\uDEDC-\uDEFA\uDEFC-\uDF14\uDF16-\uDF34\uDF36-\uDF4E\uDF50-\uDF6E\uDF70-\uDF88\uDF8A-\uDFA8\uDFAA-\uDFC2\uDFC4-\uDFCB]|\uD83A[\uDC00-\uDCC4\uDD00-\uDD43]|\uD83B[\uDE00-\uDE03\uDE05-\uDE1F\uDE21\uDE22\uDE24\uDE27\uDE29-\uDE32\uDE34-\uDE37\uDE39\uDE3B\uDE42\uDE47\uDE49\uDE4B\uDE4D-\uDE4F\uDE51\uDE52\uDE54\uDE57\uDE59\uDE5B\uDE5D\uDE5F\uDE61\uDE62\uDE64\uDE67-\uDE6A\uDE6C-\uDE72\uDE74-\uDE77\uDE79-\uDE7C\uDE7E\uDE80-\uDE89\uDE8B-\uDE9B\uDEA1-\uDEA3\uDEA5-\uDEA9\uDEAB-\uDEBB]|\uD869[\uDC00-\uDED6\uDF00-\uDFFF]|\uD86D[\uDC00-\uDF34\uDF40-\uDFFF]|\uD86E[\uDC00-\uDC1D\uDC20-\uDFFF]|\uD873[\uDC00-\uDEA1\uDEB0-\uDFFF]|\uD87A[\uDC00-\uDFE0]|\uD87E[\uDC00-\uDE1D]/;
// eslint-disable-next-line no-misleading-character-class
const ID_Continue = /[\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0300-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u0483-\u0487\u048A-\u052F\u0531-\u0556\u0559\u0561-\u0587\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u05D0-\u05EA\u05F0-\u05F2\u0610-\u061A\u0620-\u0669\u066E-\u06D3\u06D5-\u06DC\u06DF-\u06E8\u06EA-\u06FC\u06FF\u0710-\u074A\u074D-\u07B1\u07C0-\u07F5\u07FA\u0800-\u082D\u0840-\u085B\u0860-\u086A\u08A0-\u08B4\u08B6-\u08BD\u08D4-\u08E1\u08E3-\u0963\u0966-\u096F\u0971-\u0983\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BC-\u09C4\u09C7\u09C8\u09CB-\u09CE\u09D7\u09DC\u09DD\u09DF-\u09E3\u09E6-\u09F1\u09FC\u0A01-\u0A03\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A59-\u0A5C\u0A5E\u0A66-\u0A75\u0A81-\u0A83\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABC-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AD0\u0AE0-\u0AE3\u0AE6-\u0AEF\u0AF9-\u0AFF\u0B01-\u0B03\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3C-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B56\u0B57\u0B5C\u0B5D\u0B5F-\u0B63\u0B66-\u0B6F\u0B71\u0B82\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD0\u0BD7\u0BE6-\u0BEF\u0C00-\u0C03\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C58-\u0C5A\u0C60-\u0C63\u0C66-\u0C6F\u0C80-\u0C83\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBC-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CDE\u0CE0-\u0CE3\u0CE6-\u0CEF\u0CF1\u0CF2\u0D00-\u0D03\u0D05-\u0D0C\u0D0E-\u0D10\u0D12-\u0D44\u0D46-\u0D48\u0D4A-\u0D4E\u0D54-\u0D57\u0D5F-\u0D63\u0D66-\u0D6F\u0D7A-\u0D7F\u0D82\u0D83\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DE6-\u0DEF\u0DF2\u0DF3\u0E01-\u0E3A\u0E40-\u0E4E\u0E50-\u0E59\u0E81\u0E82\u0E84\u0E87\u0E88\u0E8A\u0E8D\u0E94-\u0E97\u0E99-\u0E9F\u0EA1-\u0EA3\u0EA5\u0EA7\u0EAA\u0EAB\u0EAD-\u0EB9\u0EBB-\u0EBD\u0EC0-\u0EC4\u0EC6\u0EC8-\u0ECD\u0ED0-\u0ED9\u0EDC-\u0EDF\u0F00\u0F18\u0F19\u0F20-\u0F29\u0F35\u0F37\u0F39\u0F3E-\u0F47\u0F49-\u0F6C\u0F71-\u0F84\u0F86-\u0F97\u0F99-\u0FBC\u0FC6\u1000-\u1049\u1050-\u109D\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u135D-\u135F\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u170C\u170E-\u1714\u1720-\u1734\u1740-\u1753\u1760-\u176C\u176E-\u1770\u1772\u1773\u1780-\u17D3\u17D7\u17DC\u17DD\u17E0-\u17E9\u180B-\u180D\u1810-\u1819\u1820-\u1877\u1880-\u18AA\u18B0-\u18F5\u1900-\u191E\u1920-\u192B\u1930-\u193B\u1946-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u19D0-\u19D9\u1A00-\u1A1B\u1A20-\u1A5E\u1A60-\u1A7C\u1A7F-\u1A89\u1A90-\u1A99\u1AA7\u1AB0-\u1ABD\u1B00-\u1B4B\u1B50-\u1B59\u1B6B-\u1B73\u1B80-\u1BF3\u1C00-\u1C37\u1C40-\u1C49\u1C4D-\u1C7D\u1C80-\u1C88\u1CD0-\u1CD2\u1CD4-\u1CF9\u1D00-\u1DF9\u1DFB-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u203F\u2040\u2054\u2071\u207F\u2090-\u209C\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2126\u2128\u212A-\u212D\u212F-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2C2E\u2C30-\u2C5E\u2C60-\u2CE4\u2CEB-\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D7F-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u2DE0-\u2DFF\u2E2F\u3005-\u3007\u3021-\u302F\u3031-\u3035\u3038-\u303C\u3041-\u3096\u3099\u309A\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312E\u3131-\u318E\u31A0-\u31BA\u31F0-\u31FF\u3400-\u4DB5\u4E00-\u9FEA\uA000-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA62B\uA640-\uA66F\uA674-\uA67D\uA67F-\uA6F1\uA717-\uA71F\uA722-\uA788\uA78B-\uA7AE\uA7B0-\uA7B7\uA7F7-\uA827\uA840-\uA873\uA880-\uA8C5\uA8D0-\uA8D9\uA8E0-\uA8F7\uA8FB\uA8FD\uA900-\uA92D\uA930-\uA953\uA960-\uA97C\uA980-\uA9C0\uA9CF-\uA9D9\uA9E0-\uA9FE\uAA00-\uAA36\uAA40-\uAA4D\uAA50-\uAA59\uAA60-\uAA76\uAA7A-\uAAC2\uAADB-\uAADD\uAAE0-\uAAEF\uAAF2-\uAAF6\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB65\uAB70-\uABEA\uABEC\uABED\uABF0-\uABF9\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE00-\uFE0F\uFE20-\uFE2F\uFE33\uFE34\uFE4D-\uFE4F\uFE70-\uFE74\uFE76-\uFEFC\uFF10-\uFF19\uFF21-\uFF3A\uFF3F\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC]|\uD800[\uDC00-\uDC0B\uDC0D-\uDC26\uDC28-\uDC3A\uDC3C\uDC3D\uDC3F-\uDC4D\uDC50-\uDC5D\uDC80-\uDCFA\uDD40-\uDD74\uDDFD\uDE80-\uDE9C\uDEA0-\uDED0\uDEE0\uDF00-\uDF1F\uDF2D-\uDF4A\uDF50-\uDF7A\uDF80-\uDF9D\uDFA0-\uDFC3\uDFC8-\uDFCF\uDFD1-\uDFD5]|\uD801[\uDC00-\uDC9D\uDCA0-\uDCA9\uDCB0-\uDCD3\uDCD8-\uDCFB\uDD00-\uDD27\uDD30-\uDD63\uDE00-\uDF36\uDF40-\uDF55\uDF60-\uDF67]|\uD802[\uDC00-\uDC05\uDC08\uDC0A-\uDC35\uDC37\uDC38\uDC3C\uDC3F-\uDC55\uDC60-\uDC76\uDC80-\uDC9E\uDCE0-\uDCF2\uDCF4\uDCF5\uDD00-\uDD15\uDD20-\uDD39\uDD80-\uDDB7\uDDBE\uDDBF\uDE00-\uDE03\uDE05\uDE06\uDE0C-\uDE13\uDE15-\uDE17\uDE19-\uDE33\uDE38-\uDE3A\uDE3F\uDE60-\uDE7C\uDE80-\uDE9C\uDEC0-\uDEC7\uDEC9-\uDEE6\uDF00-\uDF35\uDF40-\uDF55\uDF60-\uDF72\uDF80-\uDF91]|\uD803[\uDC00-\uDC48\uDC80-\uDCB2\uDCC0-\uDCF2]|\uD804[\uDC00-\uDC46\uDC66-\uDC6F\uDC7F-\uDCBA\uDCD0-\uDCE8\uDCF0-\uDCF9\uDD00-\uDD34\uDD36-\uDD3F\uDD50-\uDD73\uDD76\uDD80-\uDDC4\uDDCA-\uDDCC\uDDD0-\uDDDA\uDDDC\uDE00-\uDE11\uDE13-\uDE37\uDE3E\uDE80-\uDE86\uDE88\uDE8A-\uDE8D\uDE8F-\uDE9D\uDE9F-\uDEA8\uDEB0-\uDEEA\uDEF0-\uDEF9\uDF00-\uDF03\uDF05-\uDF0C\uDF0F\uDF10\uDF13-\uDF28\uDF2A-\uDF30\uDF32\uDF33\uDF35-\uDF39\uDF3C-\uDF44\uDF47\uDF48\uDF4B-\uDF4D\uDF50\uDF57\uDF5D-\uDF63\uDF66-\uDF6C\uDF70-\uDF74]|\uD805[\uDC00-\uDC4A\uDC50-\uDC59\uDC80-\uDCC5\uDCC7\uDCD0-\uDCD9\uDD80-\uDDB5\uDDB8-\uDDC0\uDDD8-\uDDDD\uDE00-\uDE40\uDE44\uDE50-\uDE59\uDE80-\uDEB7\uDEC0-\uDEC9\uDF00-\uDF19\uDF1D-\uDF2B\uDF30-\uDF39]|\uD806[\uDCA0-\uDCE9\uDCFF\uDE00-\uDE3E\uDE47\uDE50-\uDE83\uDE86-\uDE99\uDEC0-\uDEF8]|\uD807[\uDC00-\uDC08\uDC0A-\uDC36\uDC38-\uDC40\uDC50-\uDC59\uDC72-\uDC8F\uDC92-\uDCA7\uDCA9-\uDCB6\uDD00-\uDD06\uDD08\uDD09\uDD0B-\uDD36\uDD3A\uDD3C\uDD3D\uDD3F-\uDD47\uDD50-\uDD59]|\uD808[\uDC00-\uDF99]|\uD809[\uDC00-\uDC6E\uDC80-\uDD43]|[\uD80C\uD81C-\uD820\uD840-\uD868\uD86A-\uD86C\uD86F-\uD872\uD874-\uD879][\uDC00-\uDFFF]|\uD80D[\uDC00-\uDC2E]|\uD811[\uDC00-\uDE46]|\uD81A[\uDC00-\uDE38\uDE40-\uDE5E\uDE60-\uDE69\uDED0-\uDEED\uDEF0-\uDEF4\uDF00-\uDF36\uDF40-\uDF43\uDF50-\uDF59\uDF63-\uDF77\uDF7D-\uDF8F]|\uD81B[\uDF00-\uDF44\uDF50-\uDF7E\uDF8F-\uDF9F\uDFE0\uDFE1]|\uD821[\uDC00-\uDFEC]|\uD822[\uDC00-\uDEF2]|\uD82C[\uDC00-\uDD1E\uDD70-\uDEFB]|\uD82F[\uDC00-\uDC6A\uDC70-\uDC7C\uDC80-\uDC88\uDC90-\uDC99\uDC9D\uDC9E]|\uD834[\uDD65-\uDD69\uDD6D-\uDD72\uDD7B-\uDD82\uDD85-\uDD8B\uDDAA-\uDDAD\uDE42-\uDE44]|\uD835[\uDC00-\uDC54\uDC56-\uDC9C\uDC9E\uDC9F\uDCA2\uDCA5\uDCA6\uDCA9-\uDCAC\uDCAE-\uDCB9\uDCBB\uDCBD-\uDCC3\uDCC5-\uDD05\uDD07-\uDD0A\uDD0D-\uDD14\uDD16-\uDD1C\uDD1E-\uDD39\uDD3B-\uDD3E\uDD40-\uDD44\uDD46\uDD4A-\uDD50\uDD52-\uDEA5\uDEA8-\uDEC0\uDEC2-\uDEDA\uDEDC-\uDEFA\uDEFC-\uDF14\uDF16-\uDF34\uDF36-\uDF4E\uDF50-\uDF6E\uDF70-\uDF88\uDF8A-\uDFA8\uDFAA-\uDFC2\uDFC4-\uDFCB\uDFCE-\uDFFF]|\uD836[\uDE00-\uDE36\uDE3B-\uDE6C\uDE75\uDE84\uDE9B-\uDE9F\uDEA1-\uDEAF]|\uD838[\uDC00-\uDC06\uDC08-\uDC18\uDC1B-\uDC21\uDC23\uDC24\uDC26-\uDC2A]|\uD83A[\uDC00-\uDCC4\uDCD0-\uDCD6\uDD00-\uDD4A\uDD50-\uDD59]|\uD83B[\uDE00-\uDE03\uDE05-\uDE1F\uDE21\uDE22\uDE24\uDE27\uDE29-\uDE32\uDE34-\uDE37\uDE39\uDE3B\uDE42\uDE47\uDE49\uDE4B\uDE4D-\uDE4F\uDE51\uDE52\uDE54\uDE57\uDE59\uDE5B\uDE5D\uDE5F\uDE61\uDE62\uDE64\uDE67-\uDE6A\uDE6C-\uDE72\uDE74-\uDE77\uDE79-\uDE7C\uDE7E\uDE80-\uDE89\uDE8B-\uDE9B\uDEA1-\uDEA3\uDEA5-\uDEA9\uDEAB-\uDEBB]|\uD869[\uDC00-\uDED6\uDF00-\uDFFF]|\uD86D[\uDC00-\uDF34\uDF40-\uDFFF]|\uD86E[\uDC00-\uDC1D\uDC20-\uDFFF]|\uD873[\uDC00-\uDEA1\uDEB0-\uDFFF]|\uD87A[\uDC00-\uDFE0]|\uD87E[\uDC00-\uDE1D]|\uDB40[\uDD00-\uDDEF]/;

/**
 * @fileoverview A charactor code reader.
 * @author Nicholas C. Zakas
 */

//-----------------------------------------------------------------------------
// Type Definitions
//-----------------------------------------------------------------------------


//-----------------------------------------------------------------------------
// Data
//-----------------------------------------------------------------------------

const CHAR_CR = 13; // \r
const CHAR_LF = 10; // \n

//-----------------------------------------------------------------------------
// CharCodeReader
//-----------------------------------------------------------------------------

/**
 * A reader that reads character codes from a string.
 */
class CharCodeReader {

    /**
     * The text to read from.
     * @type {string}
     */
    #text = "";

    /**
     * The current line number.
     * @type {number}
     */
    #line = 1;

    /**
     * The current column number.
     * @type {number}
     */
    #column = 0;

    /**
     * The current offset in the text.
     * @type {number}
     */
    #offset = -1;

    /**
     * Whether the last character read was a new line.
     * @type {boolean}
     */
    #newLine = false;

    /**
     * The last character code read.
     * @type {number}
     */
    #last = -1;

    /**
     * Whether the reader has ended.
     * @type {boolean}
     */
    #ended = false;

    /**
     * Creates a new instance.
     * @param {string} text The text to read from
     */
    constructor(text) {
        this.#text = text;
    }

    /**
     * Ends the reader.
     * @returns {void}
     */
    #end() {
        if (this.#ended) {
            return;
        }

        this.#column++;
        this.#offset++;
        this.#last = -1;
        this.#ended = true;
    }

    /**
     * Returns the current position of the reader.
     * @returns {Location} An object with line, column, and offset properties.
     */
    locate() {
        return {
            line: this.#line,
            column: this.#column,
            offset: this.#offset
        };
    }

    /**
     * Reads the next character code in the text.
     * @returns {number} The next character code, or -1 if there are no more characters.
     */
    next() {
        if (this.#offset >= this.#text.length - 1) {
            this.#end();
            return -1;
        }

        this.#offset++;
        const charCode = this.#text.charCodeAt(this.#offset);

        if (this.#newLine) {
            this.#line++;
            this.#column = 1;
            this.#newLine = false;
        } else {
            this.#column++;
        }

        if (charCode === CHAR_CR) {
            this.#newLine = true;

            // if we already see a \r, just ignore upcoming \n
            if (this.peek() === CHAR_LF) {
                this.#offset++;
            }
        } else if (charCode === CHAR_LF) {
            this.#newLine = true;
        }

        this.#last = charCode;

        return charCode;
    }

    /**
     * Peeks at the next character code in the text.
     * @returns {number} The next character code, or -1 if there are no more characters.
     */
    peek() {
        if (this.#offset === this.#text.length - 1) {
            return -1;
        }

        return this.#text.charCodeAt(this.#offset + 1);
    }

    /**
     * Determines if the next character code in the text matches a specific character code.
     * @param {(number) => boolean} fn A function to call on the next character.
     * @returns {boolean} True if the next character code matches, false if not.
     */ 
    match(fn) {
        if (fn(this.peek())) {
            this.next();
            return true;
        }

        return false;
    }

    /**
     * Returns the last character code read.
     * @returns {number} The last character code read.
     */
    current() {
        return this.#last;
    }


}

/**
 * @fileoverview JSON tokenizer
 * @author Nicholas C. Zakas
 */


//-----------------------------------------------------------------------------
// Typedefs
//-----------------------------------------------------------------------------

/** @typedef {import("./typedefs.js").Range} Range */
/** @typedef {import("./typedefs.js").TokenizeOptions} TokenizeOptions */

//-----------------------------------------------------------------------------
// Helpers
//-----------------------------------------------------------------------------

const INFINITY = "Infinity";
const NAN = "NaN";

const keywordStarts = new Set([CHAR_LOWER_T, CHAR_LOWER_F, CHAR_LOWER_N]);
const whitespace = new Set([CHAR_SPACE, CHAR_TAB, CHAR_NEWLINE, CHAR_RETURN]);
const json5Whitespace = new Set([
    ...whitespace,
    CHAR_VTAB,
    CHAR_FORM_FEED,
    CHAR_NBSP,
    CHAR_LINE_SEPARATOR,
    CHAR_PARAGRAPH_SEPARATOR,
    CHAR_BOM,
    CHAR_NON_BREAKING_SPACE,
    CHAR_EN_QUAD,
    CHAR_EM_QUAD,
    CHAR_EN_SPACE,
    CHAR_EM_SPACE,
    CHAR_THREE_PER_EM_SPACE,
    CHAR_FOUR_PER_EM_SPACE,
    CHAR_SIX_PER_EM_SPACE,
    CHAR_FIGURE_SPACE,
    CHAR_PUNCTUATION_SPACE,
    CHAR_THIN_SPACE,
    CHAR_HAIR_SPACE,
    CHAR_NARROW_NO_BREAK_SPACE,
    CHAR_MEDIUM_MATHEMATICAL_SPACE,
    CHAR_IDEOGRAPHIC_SPACE,
]);


/** @type {TokenizeOptions} */
const DEFAULT_OPTIONS$1 = {
    mode: "json",
    ranges: false
};

const jsonKeywords = new Set(["true", "false", "null"]);

const tt = {
    EOF: 0,
    Number: 1,
    String: 2,
    Boolean: 3,
    Null: 4,
    NaN: 5,
    Infinity: 6,
    Identifier: 7,
    Colon: 20,
    LBrace: 21,
    RBrace: 22,
    LBracket: 23,
    RBracket: 24,
    Comma: 25,
    LineComment: 40,
    BlockComment: 41
};


// #region Helpers


/**
 * Determines if a given character is a decimal digit.
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is a digit.
 */
function isDigit(c) {
    return c >= CHAR_0 && c <= CHAR_9;
}

/**
 * Determines if a given character is a hexadecimal digit.
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is a hexadecimal digit.
 */
function isHexDigit(c) {
    return isDigit(c) ||
        c >= CHAR_UPPER_A && c <= CHAR_UPPER_F ||
        c >= CHAR_LOWER_A && c <= CHAR_LOWER_F;
}

/**
 * Determines if a given character is a positive digit (1-9).
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is a positive digit.
 */
function isPositiveDigit(c) {
    return c >= CHAR_1 && c <= CHAR_9;
}

/**
 * Determines if a given character is the start of a keyword.
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is the start of a keyword.
 */
function isKeywordStart(c) {
    return keywordStarts.has(c);
}

/**
 * Determines if a given character is the start of a number.
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is the start of a number.
 */
function isNumberStart(c) {
    return isDigit(c) || c === CHAR_DOT || c === CHAR_MINUS;
}

/**
 * Determines if a given character is the start of a JSON5 number.
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is the start of a JSON5 number.
 */
function isJSON5NumberStart(c) {
    return isNumberStart(c) || c === CHAR_PLUS;
}

/**
 * Determines if a given character is the start of a string.
 * @param {number} c The character to check.
 * @param {boolean} json5 `true` if JSON5 mode is enabled.
 * @returns {boolean} `true` if the character is the start of a string.
 */
function isStringStart(c, json5) {
    return c === CHAR_DOUBLE_QUOTE || (json5 && c === CHAR_SINGLE_QUOTE);
}

/**
 * Tests that a given character is a valid first character of a
 * JSON5 identifier
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is a valid first character. 
 */
function isJSON5IdentifierStart(c) {

    // test simple cases first

    if (c === CHAR_DOLLAR || c === CHAR_UNDERSCORE || c === CHAR_BACKSLASH) {
        return true;
    }

    if (c >= CHAR_LOWER_A && c <= CHAR_LOWER_Z || c >= CHAR_UPPER_A && c <= CHAR_UPPER_Z) {
        return true;
    }

    if (c === 0x200C || c === 0x200D) {
        return true;
    }
    
    const ct = String.fromCharCode(c);
    return ID_Start.test(ct);
}

/**
 * Tests that a given character is a valid part of a JSON5 identifier.
 * @param {number} c The character to check.
 * @returns {boolean} `true` if the character is a valid part of an identifier.
 */
function isJSON5IdentifierPart(c) {

    // fast path for simple cases
    if (isJSON5IdentifierStart(c) || isDigit(c)) {
        return true;
    }

    const ct = String.fromCharCode(c);
    return ID_Continue.test(ct);
}


// #endregion

class Tokenizer {

    /**
     * Options for the tokenizer.
     * @type {TokenizeOptions}
     */
    #options;

    /**
     * The source text to tokenize.
     * @type {string}
     */
    #text;

    /**
     * The reader for the source text.
     * @type {CharCodeReader}
     */
    #reader;

    /**
     * Indicates if the tokenizer is in JSON5 mode.
     * @type {boolean}
     */
    #json5;

    /**
     * Indicates if comments are allowed.
     * @type {boolean}
     */
    #allowComments;

    /**
     * Indicates if ranges should be included in the tokens.
     * @type {boolean}
     */
    #ranges;

    /**
     * The last token type read.
     * @type {Token}
     */
    #token;

    /**
     * Determines if a character is an escaped character.
     * @type {(c:number) => boolean}
     */
    #isEscapedCharacter;

    /**
     * Determines if a character is a JSON5 line terminator.
     * @type {(c:number) => boolean}
     */
    #isJSON5LineTerminator;


    /**
     * Determines if a character is a JSON5 hex escape.
     * @type {(c:number) => boolean}
     */
    #isJSON5HexEscape;

    /**
     * Determines if a character is whitespace.
     * @type {(c:number) => boolean}
     */
    #isWhitespace;

    /**
     * Creates a new instance of the tokenizer.
     * @param {string} text The source text
     * @param {TokenizeOptions} [options] Options for the tokenizer.
     */ 
    constructor(text, options) {
        this.#text = text;
        this.#options = {
            ...DEFAULT_OPTIONS$1,
            ...options
        };

        this.#reader = new CharCodeReader(text);
        this.#json5 = this.#options.mode === "json5";
        this.#allowComments = this.#options.mode !== "json";
        this.#ranges = this.#options.ranges;

        // TODO: Clean this up
        this.#isEscapedCharacter = this.#json5 ? json5EscapeToChar.has.bind(json5EscapeToChar) : escapeToChar.has.bind(escapeToChar);
        this.#isJSON5LineTerminator = this.#json5 ? json5LineTerminators.has.bind(json5LineTerminators) : () => false;
        this.#isJSON5HexEscape = this.#json5 ? c => c === CHAR_LOWER_X : () => false;
        this.#isWhitespace = this.#json5 ? json5Whitespace.has.bind(json5Whitespace) : whitespace.has.bind(whitespace);
    }

    // #region Errors

    /**
     * Convenience function for throwing unexpected character errors.
     * @param {number} c The unexpected character.
     * @param {Location} [loc] The location of the unexpected character.
     * @returns {never}
     * @throws {UnexpectedChar} always.
     */
    #unexpected(c, loc = this.#reader.locate()) {
        throw new UnexpectedChar(c, loc);
    }

    /**
     * Convenience function for throwing unexpected identifier errors.
     * @param {string} identifier The unexpected identifier.
     * @param {Location} [loc] The location of the unexpected identifier.
     * @returns {never}
     * @throws {UnexpectedIdentifier} always.
     */
    #unexpectedIdentifier(identifier, loc = this.#reader.locate()) {
        throw new UnexpectedIdentifier(identifier, loc);
    }

    /**
    * Convenience function for throwing unexpected EOF errors.
    * @returns {never}
    * @throws {UnexpectedEOF} always.
    */
    #unexpectedEOF() {
        throw new UnexpectedEOF(this.#reader.locate());
    }

    // #endregion

    // #region Helpers

    /**
     * Creates a new token.
     * @param {TokenType} tokenType The type of token to create.
     * @param {number} length The length of the token.
     * @param {Location} startLoc The start location for the token.
     * @param {Location} [endLoc] The end location for the token.
     * @returns {Token} The token.
     */
    #createToken(tokenType, length, startLoc, endLoc) {

        const endOffset = startLoc.offset + length;

        let range = this.#options.ranges ? {
            range: /** @type {Range} */ ([startLoc.offset, endOffset])
        } : undefined;

        return {
            type: tokenType,
            loc: {
                start: startLoc,
                end: endLoc || {
                    line: startLoc.line,
                    column: startLoc.column + length,
                    offset: endOffset
                }
            },
            ...range
        };        
    }

    /**
     * Reads in a specific number of hex digits.
     * @param {number} count The number of hex digits to read.
     * @returns {string} The hex digits read.
     */
    #readHexDigits(count) {
        let value = "";
        let c;

        for (let i = 0; i < count; i++) {
            c = this.#reader.peek();
            if (isHexDigit(c)) {
                this.#reader.next();
                value += String.fromCharCode(c);
                continue;
            }

            this.#unexpected(c);
        }

        return value;
    }

    /**
     * Reads in a JSON5 identifier. Also used for JSON but we validate
     * the identifier later.
     * @param {number} c The first character of the identifier.
     * @returns {string} The identifier read.
     * @throws {UnexpectedChar} when the identifier cannot be read.
     */
    #readIdentifier(c) {
        let value = "";

        do {

            value += String.fromCharCode(c);

            if (c === CHAR_BACKSLASH) {

                c = this.#reader.next();

                if (c !== CHAR_LOWER_U) {
                    this.#unexpected(c);
                }

                value += String.fromCharCode(c);

                const hexDigits = this.#readHexDigits(4);

                // check for a valid character code
                const charCode = parseInt(hexDigits, 16);

                if (value.length === 2 && !isJSON5IdentifierStart(charCode)) {
                    const loc = this.#reader.locate();
                    this.#unexpected(CHAR_BACKSLASH, { line: loc.line, column: loc.column - 5, offset: loc.offset - 5 });
                } else if (!isJSON5IdentifierPart(charCode)) {
                    const loc = this.#reader.locate();
                    this.#unexpected(charCode, { line: loc.line, column: loc.column - 5, offset: loc.offset - 5 });
                }

                value += hexDigits;
            }

            c = this.#reader.peek();

            if (!isJSON5IdentifierPart(c)) {
                break;
            }

            this.#reader.next();

        } while (true);  // eslint-disable-line no-constant-condition

        return value;
    }

    /**
     * Reads in a string. Works for both JSON and JSON5.
     * @param {number} c The first character of the string (either " or ').
     * @returns {number} The length of the string.
     * @throws {UnexpectedChar} when the string cannot be read.
     * @throws {UnexpectedEOF} when EOF is reached before the string is finalized.
     */
    #readString(c) {
        
        const delimiter = c;
        let length = 1;
        c = this.#reader.peek();

        while (c !== -1 && c !== delimiter) {

            this.#reader.next();
            length++;

            // escapes
            if (c === CHAR_BACKSLASH) {
                c = this.#reader.peek();

                if (this.#isEscapedCharacter(c) || this.#isJSON5LineTerminator(c)) {
                    this.#reader.next();
                    length++;
                } else if (c === CHAR_LOWER_U) {
                    this.#reader.next();
                    length++;

                    const result = this.#readHexDigits(4);
                    length += result.length;
                } else if (this.#isJSON5HexEscape(c)) {
                    this.#reader.next();
                    length++;

                    // hex escapes: \xHH
                    const result = this.#readHexDigits(2);
                    length += result.length;
                } else if (this.#json5) {  // JSON doesn't allow anything else
                    this.#reader.next();
                    length++;
                } else {
                    this.#unexpected(c);
                }
            }

            c = this.#reader.peek();
        }

        if (c === -1) {
            this.#reader.next();
            this.#unexpectedEOF();
        }

        // c is the delimiter
        this.#reader.next();
        length++;

        return length;
    
    
    }

    /**
     * Reads a number. Works for both JSON and JSON5.
     * @param {number} c The first character of the number.
     * @returns {number} The length of the number.
     * @throws {UnexpectedChar} when the number cannot be read.
     * @throws {UnexpectedEOF} when EOF is reached before the number is finalized.
     */
    #readNumber(c) {
        
        // we've already read the first character
        let length = 1;

        // JSON number may start with a minus but not a plus
        // JSON5 allows a plus.
        if (c === CHAR_MINUS || this.#json5 && c === CHAR_PLUS) {
            
            c = this.#reader.peek();
            
            /*
            * JSON5 allows Infinity or NaN preceded by a sign.
            * This blocks handles +Infinity, -Infinity, +NaN, and -NaN.
            * Standalone Infinity and NaN are handled in `readJSON5Identifier()`
            */
            if (this.#json5) {

                if (c === CHAR_UPPER_I || c === CHAR_UPPER_N) {
                    this.#reader.next();
                    const identifier = this.#readIdentifier(c);

                    if (identifier !== INFINITY && identifier !== NAN) {
                        this.#unexpected(c);
                    }

                    return length + identifier.length;
                }
            }

            // Next digit cannot be zero
            if (!isDigit(c)) {
                this.#unexpected(c);
            }

            // if we made it here, we need to continue on, so register the character
            this.#reader.next();
            length++;
        }

        /*
        * In JSON, a zero must be followed by a decimal point or nothing.
        * In JSON5, a zero can additionally be followed by an `x` indicating
        * that it's a hexadecimal number.
        */
        if (c === CHAR_0) {

            // c = this.#reader.next();
            // length++;
            c = this.#reader.peek();

            // check for a hex number
            if (this.#json5 && (c === CHAR_LOWER_X || c === CHAR_UPPER_X)) {

                this.#reader.next();
                length++;

                c = this.#reader.peek();

                if (!isHexDigit(c)) {
                    this.#reader.next();
                    this.#unexpected(c);
                }

                do {
                    this.#reader.next();
                    length++;
                    c = this.#reader.peek();
                } while (isHexDigit(c));

            } else if (isDigit(c)) {
                this.#unexpected(c);
            }

        } else {

            // JSON5 allows leading decimal points
            if (!this.#json5 || c !== CHAR_DOT) {
                if (!isPositiveDigit(c)) {
                    this.#unexpected(c);
                }

                c = this.#reader.peek();

                while (isDigit(c)) {
                    this.#reader.next();
                    length++;
                    c = this.#reader.peek();
                }
            }
        }

        /*
        * In JSON, a decimal point must be followed by at least one digit.
        * In JSON5, a decimal point need not be followed by any digits.
        */
        if (c === CHAR_DOT) {
                                
            let digitCount = -1;
            this.#reader.next();
            length++;
            digitCount++;

            c = this.#reader.peek();

            while (isDigit(c)) {
                this.#reader.next();
                length++;
                digitCount++;
                c = this.#reader.peek();
            }

            if (!this.#json5 && digitCount === 0) {
                this.#reader.next();
                if (c) {
                    this.#unexpected(c);
                } else {
                    this.#unexpectedEOF();
                }
            }
        }

        // Exponent is always last
        if (c === CHAR_LOWER_E || c === CHAR_UPPER_E) {

            this.#reader.next();
            length++;
            c = this.#reader.peek();

            if (c === CHAR_PLUS || c === CHAR_MINUS) {
                this.#reader.next();
                length++;
                c = this.#reader.peek();
            }

            /*
            * Must always have a digit in this position to avoid:
            * 5e
            * 12E+
            * 42e-
            */
            if (c === -1) {
                this.#reader.next();
                this.#unexpectedEOF();
            }

            if (!isDigit(c)) {
                this.#reader.next();
                this.#unexpected(c);
            }

            while (isDigit(c)) {
                this.#reader.next();
                length++;
                c = this.#reader.peek();
            }
        }

        return length;
    }

    /**
     * Reads a comment. Works for both JSON and JSON5.
     * @param {number} c The first character of the comment.
     * @returns {{length: number, multiline: boolean}} The length of the comment, and whether the comment is multi-line.
     * @throws {UnexpectedChar} when the comment cannot be read.
     * @throws {UnexpectedEOF} when EOF is reached before the comment is finalized.
     */ 
    #readComment(c) {
        
        let length = 1;

        // next character determines single- or multi-line
        c = this.#reader.peek();

        // single-line comments
        if (c === CHAR_SLASH) {
            
            do {
                this.#reader.next();
                length += 1;
                c = this.#reader.peek();
            } while (c > -1 && c !== CHAR_RETURN && c !== CHAR_NEWLINE);

            return { length, multiline: false };
        }

        // multi-line comments
        if (c === CHAR_STAR) {

            this.#reader.next();
            length += 1;

            while (c > -1) {
                c = this.#reader.peek();

                // check for end of comment
                if (c === CHAR_STAR) {
                    this.#reader.next();
                    length += 1;
                    c = this.#reader.peek();
                    
                    //end of comment
                    if (c === CHAR_SLASH) {
                        this.#reader.next();
                        length += 1;

                        return { length, multiline: true };
                    }
                } else {
                    this.#reader.next();
                    length += 1;
                }
            }

            this.#reader.next();
            this.#unexpectedEOF();
            
        }

        // if we've made it here, there's an invalid character
        this.#reader.next();
        this.#unexpected(c);        
    }
    // #endregion

    /**
     * Returns the next token in the source text.
     * @returns {number} The code for the next token.
     */
    next() {

        let c = this.#reader.next();

        while (this.#isWhitespace(c)) {
            c = this.#reader.next();
        }

        if (c === -1) {
            return tt.EOF;
        }

        const start = this.#reader.locate();
        const ct = String.fromCharCode(c);

        // check for JSON5 syntax only
        if (this.#json5) {
                
            if (knownJSON5TokenTypes.has(ct)) {
                this.#token = this.#createToken(knownJSON5TokenTypes.get(ct), 1, start);
            } else if (isJSON5IdentifierStart(c)) {
                const value = this.#readIdentifier(c);

                if (knownJSON5TokenTypes.has(value)) {
                    this.#token = this.#createToken(knownJSON5TokenTypes.get(value), value.length, start);
                } else {
                    this.#token = this.#createToken("Identifier", value.length, start);
                }
            } else if (isJSON5NumberStart(c)) {
                const result = this.#readNumber(c);
                this.#token = this.#createToken("Number", result, start);
            } else if (isStringStart(c, this.#json5)) {
                const result = this.#readString(c);
                const lastCharLoc = this.#reader.locate();
                this.#token = this.#createToken("String", result, start, {
                    line: lastCharLoc.line,
                    column: lastCharLoc.column + 1,
                    offset: lastCharLoc.offset + 1
                });
            } else if (c === CHAR_SLASH && this.#allowComments) {
                const result = this.#readComment(c);
                const lastCharLoc = this.#reader.locate();
                this.#token = this.#createToken(!result.multiline ? "LineComment" : "BlockComment", result.length, start, {
                    line: lastCharLoc.line,
                    column: lastCharLoc.column + 1,
                    offset: lastCharLoc.offset + 1
                });
            } else {
                this.#unexpected(c);
            }

        } else {

            // check for JSON/JSONC syntax only
            if (knownTokenTypes.has(ct)) {
                this.#token = this.#createToken(knownTokenTypes.get(ct), 1, start);
            } else if (isKeywordStart(c)) {
                const value = this.#readIdentifier(c);

                if (!jsonKeywords.has(value)) {
                    this.#unexpectedIdentifier(value, start);
                }

                this.#token = this.#createToken(knownTokenTypes.get(value), value.length, start);
            } else if (isNumberStart(c)) {
                const result = this.#readNumber(c);
                this.#token = this.#createToken("Number", result, start);
            } else if (isStringStart(c, this.#json5)) {
                const result = this.#readString(c);
                this.#token = this.#createToken("String", result, start);
            } else if (c === CHAR_SLASH && this.#allowComments) {
                const result = this.#readComment(c);
                const lastCharLoc = this.#reader.locate();
                this.#token = this.#createToken(!result.multiline ? "LineComment" : "BlockComment", result.length, start, {
                    line: lastCharLoc.line,
                    column: lastCharLoc.column + 1,
                    offset: lastCharLoc.offset + 1
                });
            } else {
                this.#unexpected(c);
            }
        }
        return tt[this.#token.type];
    }

    /**
     * Returns the current token in the source text.
     * @returns {Token} The current token.
     */
    get token() {
        return this.#token;
    }
}

//-----------------------------------------------------------------------------
// Main
//-----------------------------------------------------------------------------

/**
 * Creates an iterator over the tokens representing the source text.
 * @param {string} text The source text to tokenize.
 * @param {TokenizeOptions} [options] Options for doing the tokenization.
 * @returns {Array<Token>} An iterator over the tokens. 
 */
function tokenize(text, options) {

    const tokenizer = new Tokenizer(text, options);
    const tokens = [];

    while (tokenizer.next() !== tt.EOF) {
        tokens.push(tokenizer.token);
    }

    return tokens;

}

/**
 * @fileoverview  JSON AST types
 * @author Nicholas C. Zakas
 */

//-----------------------------------------------------------------------------
// Typedefs
//-----------------------------------------------------------------------------

/** @typedef {import("./typedefs.js").LocationRange} LocationRange */
/** @typedef {import("./typedefs.js").NodeParts} NodeParts */
/** @typedef {import("./typedefs.js").DocumentNode} DocumentNode */
/** @typedef {import("./typedefs.js").StringNode} StringNode */
/** @typedef {import("./typedefs.js").NumberNode} NumberNode */
/** @typedef {import("./typedefs.js").BooleanNode} BooleanNode */
/** @typedef {import("./typedefs.js").MemberNode} MemberNode */
/** @typedef {import("./typedefs.js").ObjectNode} ObjectNode */
/** @typedef {import("./typedefs.js").ElementNode} ElementNode */
/** @typedef {import("./typedefs.js").ArrayNode} ArrayNode */
/** @typedef {import("./typedefs.js").NullNode} NullNode */
/** @typedef {import("./typedefs.js").ValueNode} ValueNode */
/** @typedef {import("./typedefs.js").IdentifierNode} IdentifierNode */
/** @typedef {import("./typedefs.js").NaNNode} NaNNode */
/** @typedef {import("./typedefs.js").InfinityNode} InfinityNode */
/** @typedef {import("./typedefs.js").Sign} Sign */

//-----------------------------------------------------------------------------
// Exports
//-----------------------------------------------------------------------------

const types = {

    /**
     * Creates a document node.
     * @param {ValueNode} body The body of the document.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {DocumentNode} The document node.
     */
    document(body, parts = {}) {
        return {
            type: "Document",
            body,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates a string node.
     * @param {string} value The value for the string.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {StringNode} The string node.
     */
    string(value, parts = {}) {
        return {
            type: "String",
            value,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates a number node.
     * @param {number} value The value for the number.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {NumberNode} The number node.
     */
    number(value, parts = {}) {
        return {
            type: "Number",
            value,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates a boolean node.
     * @param {boolean} value The value for the boolean.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {BooleanNode} The boolean node.
     */
    boolean(value, parts = {}) {
        return {
            type: "Boolean",
            value,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates a null node.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {NullNode} The null node.
     */
    null(parts = {}) {
        return {
            type: "Null",
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates an array node.
     * @param {Array<ElementNode>} elements The elements to add.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {ArrayNode} The array node.
     */
    array(elements, parts = {}) {
        return {
            type: "Array",
            elements,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates an element node.
     * @param {ValueNode} value The value for the element.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {ElementNode} The element node.
     */
    element(value, parts = {}) {
        return {
            type: "Element",
            value,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates an object node.
     * @param {Array<MemberNode>} members The members to add.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {ObjectNode} The object node.
     */
    object(members, parts = {}) {
        return {
            type: "Object",
            members,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates a member node.
     * @param {StringNode|IdentifierNode} name The name for the member.
     * @param {ValueNode} value The value for the member.
     * @param {NodeParts} parts Additional properties for the node. 
     * @returns {MemberNode} The member node.
     */
    member(name, value, parts = {}) {
        return {
            type: "Member",
            name,
            value,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates an identifier node.
     * @param {string} name The name for the identifier.
     * @param {NodeParts} parts Additional properties for the node.
     * @returns {IdentifierNode} The identifier node.
     */
    identifier(name, parts = {}) {
        return {
            type: "Identifier",
            name,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates a NaN node.
     * @param {Sign} sign The sign for the Infinity.
     * @param {NodeParts} parts Additional properties for the node.
     * @returns {NaNNode} The NaN node.
     */ 
    nan(sign = "", parts = {}) {
        return {
            type: "NaN",
            sign,
            loc: parts.loc,
            ...parts
        };
    },

    /**
     * Creates an Infinity node.
     * @param {Sign} sign The sign for the Infinity.
     * @param {NodeParts} parts Additional properties for the node.
     * @returns {InfinityNode} The Infinity node.
     */
    infinity(sign = "", parts = {}) {
        return {
            type: "Infinity",
            sign,
            loc: parts.loc,
            ...parts
        };
    },

};

/**
 * @fileoverview JSON parser
 * @author Nicholas C. Zakas
 */


//-----------------------------------------------------------------------------
// Typedefs
//-----------------------------------------------------------------------------

/** @typedef {import("./typedefs.js").Node} Node */
/** @typedef {import("./typedefs.js").Mode} Mode */
/** @typedef {import("./typedefs.js").ParseOptions} ParseOptions */

//-----------------------------------------------------------------------------
// Helpers
//-----------------------------------------------------------------------------

/** @type {ParseOptions} */
const DEFAULT_OPTIONS = {
    mode: "json",
    ranges: false,
    tokens: false,
    allowTrailingCommas: false
};

const UNICODE_SEQUENCE = /\\u[\da-fA-F]{4}/gu;

/**
 * Normalizes a JSON5 identifier by converting Unicode escape sequences into
 * their corresponding characters.
 * @param {string} identifier The identifier to normalize.
 * @returns {string} The normalized identifier.
 */
function normalizeIdentifier(identifier) {
    return identifier.replace(UNICODE_SEQUENCE, unicodeEscape => {
        return String.fromCharCode(parseInt(unicodeEscape.slice(2), 16));
    });
}

/**
 * Calculates the location at the end of the given text.
 * @param {string} text The text to calculate the end location for.
 * @returns {Location} The location at the end of the text.
 */
function getEndLocation(text) {
    let line = 1;
    let column = 1;
    
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === "\n") {
            line++;
            column = 1;
        } else if (char === "\r") {
            // Handle \r\n as a single line ending
            if (text[i + 1] === "\n") {
                i++; // Skip the \n
            }
            line++;
            column = 1;
        } else {
            column++;
        }
    }
    
    return {
        line,
        column,
        offset: text.length
    };
}

/**
 * Converts a JSON-encoded string into a JavaScript string, interpreting each
 * escape sequence.
 * @param {string} value The text for the token.
 * @param {Token} token The string token to convert into a JavaScript string.
 * @param {boolean} json5 `true` if parsing JSON5, `false` otherwise.
 * @returns {string} A JavaScript string.
 */
function getStringValue(value, token, json5 = false) {
    
    let result = "";
    let escapeIndex = value.indexOf("\\");
    let lastIndex = 0;

    // While there are escapes, interpret them to build up the result
    while (escapeIndex >= 0) {

        // append the text that happened before the escape
        result += value.slice(lastIndex, escapeIndex);

        // get the character immediately after the \
        const escapeChar = value.charAt(escapeIndex + 1);
        const escapeCharCode = escapeChar.charCodeAt(0);
        
        // check for the non-Unicode escape sequences first
        if (json5 && json5EscapeToChar.has(escapeCharCode)) {
            result += json5EscapeToChar.get(escapeCharCode);
            lastIndex = escapeIndex + 2;
        } else if (escapeToChar.has(escapeCharCode)) {
            result += escapeToChar.get(escapeCharCode);
            lastIndex = escapeIndex + 2;
        } else if (escapeChar === "u") {
            const hexCode = value.slice(escapeIndex + 2, escapeIndex + 6);
            if (hexCode.length < 4 || /[^0-9a-f]/i.test(hexCode)) {
                throw new ErrorWithLocation(
                    `Invalid unicode escape \\u${ hexCode}.`,
                    {
                        line: token.loc.start.line,
                        column: token.loc.start.column + escapeIndex,
                        offset: token.loc.start.offset + escapeIndex
                    }
                );
            }

            result += String.fromCharCode(parseInt(hexCode, 16));
            lastIndex = escapeIndex + 6;
        } else if (json5 && escapeChar === "x") {
            const hexCode = value.slice(escapeIndex + 2, escapeIndex + 4);
            if (hexCode.length < 2 || /[^0-9a-f]/i.test(hexCode)) {
                throw new ErrorWithLocation(
                    `Invalid hex escape \\x${ hexCode}.`,
                    {
                        line: token.loc.start.line,
                        column: token.loc.start.column + escapeIndex,
                        offset: token.loc.start.offset + escapeIndex
                    }
                );
            }

            result += String.fromCharCode(parseInt(hexCode, 16));
            lastIndex = escapeIndex + 4;
        } else if (json5 && json5LineTerminators.has(escapeCharCode)) {
            lastIndex = escapeIndex + 2;

            // we also need to skip \n after a \r
            if (escapeChar === "\r" && value.charAt(lastIndex) === "\n") {
                lastIndex++;
            }
            
        } else {
            // all characters can be escaped in JSON5
            if (json5) {
                result += escapeChar;
                lastIndex = escapeIndex + 2;
            } else {
                throw new ErrorWithLocation(
                    `Invalid escape \\${ escapeChar }.`,
                    {
                        line: token.loc.start.line,
                        column: token.loc.start.column + escapeIndex,
                        offset: token.loc.start.offset + escapeIndex
                    }
                );
            }
        }

        // find the next escape sequence
        escapeIndex = value.indexOf("\\", lastIndex);
    }

    // get the last segment of the string value
    result += value.slice(lastIndex);

    return result;
}

/**
 * Gets the JavaScript value represented by a JSON token.
 * @param {string} value The text value of the token.
 * @param {Token} token The JSON token to get a value for.
 * @param {boolean} json5 `true` if parsing JSON5, `false` otherwise.
 * @returns {string|boolean|number} A number, string, or boolean.
 * @throws {TypeError} If an unknown token type is found. 
 */
function getLiteralValue(value, token, json5 = false) {
    switch (token.type) {
        case "Boolean":
            return value === "true";
            
        case "Number":
            if (json5) {

                /*
                 * Numbers like -0x1 are converted to NaN by Number(), so we need
                 * to handle them separately. Rather than checking for -0x, we can
                 * just check if the first character is a minus sign. The same for
                 * checking for +0x.
                 */

                if (value.charCodeAt(0) === 45) { // 45 is the char code for '-'
                    return -Number(value.slice(1));
                }

                if (value.charCodeAt(0) === 43) { // 43 is the char code for '+'
                    return Number(value.slice(1));
                }
            }
            return Number(value);

        case "String":
            return getStringValue(value.slice(1, -1), token, json5);

        default:
            throw new TypeError(`Unknown token type "${token.type}.`);
    }
}

//-----------------------------------------------------------------------------
// Main Function
//-----------------------------------------------------------------------------

/**
 * 
 * @param {string} text The text to parse.
 * @param {ParseOptions} [options] The options object.
 * @returns {DocumentNode} The AST representing the parsed JSON.
 * @throws {Error} When there is a parsing error. 
 */
function parse(text, options) {

    options = Object.freeze({
        ...DEFAULT_OPTIONS,
        ...options
    });

    const tokens = [];
    const tokenizer = new Tokenizer(text, {
        mode: options.mode,
        ranges: options.ranges
    });

    const json5 = options.mode === "json5";
    const allowTrailingCommas = options.allowTrailingCommas || json5;

    /**
     * Returns the next token knowing there are no comments.
     * @returns {number} The next token type or 0 if no next token.
     */
    function nextNoComments() {
        const nextType = tokenizer.next();

        if (nextType && options.tokens) {
            tokens.push(tokenizer.token);
        }
        return nextType;
    }
    
    /**
     * Returns the next token knowing there are comments to skip.
     * @returns {number} The next token type or 0 if no next token.
     */
    function nextSkipComments() {
        const nextType = tokenizer.next();
        if (nextType && options.tokens) {
            tokens.push(tokenizer.token);
        }

        if (nextType >= tt.LineComment) {
            return nextSkipComments();
        }

        return nextType;

    }

    // determine correct way to evaluate tokens based on presence of comments
    const next = options.mode === "json" ? nextNoComments : nextSkipComments;

    /**
     * Asserts a token has the given type.
     * @param {number} token The token to check.
     * @param {number} type The token type.
     * @throws {UnexpectedToken} If the token type isn't expected.
     * @returns {void}
     */
    function assertTokenType(token, type) {
        if (token !== type) {
            throw new UnexpectedToken(tokenizer.token);
        }
    }

    /**
     * Asserts a token has one of the given types.
     * @param {number} token The token to check.
     * @param {number[]} types The token types.
     * @returns {void}
     * @throws {UnexpectedToken} If the token type isn't expected.
     */ 
    function assertTokenTypes(token, types) {
        if (!types.includes(token)) {
            throw new UnexpectedToken(tokenizer.token);
        }
    }

    /**
     * Creates a range only if ranges are specified.
     * @param {Location} start The start offset for the range.
     * @param {Location} end The end offset for the range.
     * @returns {{range:[number,number]}|undefined} An object with a 
     */
    function createRange(start, end) {
        // @ts-ignore tsc incorrect - options might be undefined
        return options.ranges ? {
            range: [start.offset, end.offset]
        } : undefined;
    }

    /**
     * Creates a node for a string, boolean, or number.
     * @param {number} tokenType The token representing the literal. 
     * @returns {StringNode|NumberNode|BooleanNode} The node representing
     *      the value.
     */
    function createLiteralNode(tokenType) {
        const token = tokenizer.token;
        const range = createRange(token.loc.start, token.loc.end);
        const value = getLiteralValue(
            text.slice(token.loc.start.offset, token.loc.end.offset),
            token,
            json5
        );
        const loc = {
            start: {
                ...token.loc.start
            },
            end: {
                ...token.loc.end
            }
        };
        const parts = { loc, ...range };

        switch (tokenType) {
            case tt.String:
                return types.string(/** @type {string} */ (value), parts);

            case tt.Number:
                return types.number(/** @type {number} */ (value), parts);
                
            case tt.Boolean:
                return types.boolean(/** @type {boolean} */ (value), parts);

            default:
                throw new TypeError(`Unknown token type ${token.type}.`);
        }
    }

    /**
     * Creates a node for a JSON5 identifier.
     * @param {Token} token The token representing the identifer. 
     * @returns {NaNNode|InfinityNode|IdentifierNode} The node representing
     *      the value.
     */
    function createJSON5IdentifierNode(token) {
        const range = createRange(token.loc.start, token.loc.end);
        const identifier = text.slice(token.loc.start.offset, token.loc.end.offset);
        const loc = {
            start: {
                ...token.loc.start
            },
            end: {
                ...token.loc.end
            }
        };
        const parts = { loc, ...range };

        // Check for NaN or Infinity
        if (token.type !== "Identifier") {

            let sign = "";

            // check if the first character in the token is a plus or minus
            if (identifier[0] === "+" || identifier[0] === "-") {
                sign = identifier[0];
            }

            // check if the token is NaN or Infinity
            return types[identifier.includes("NaN") ? "nan" : "infinity"](/** @type {Sign} */ (sign), parts);
        }
        return types.identifier(normalizeIdentifier(identifier), parts);
    }

    /**
     * Creates a node for a null.
     * @param {Token} token The token representing null. 
     * @returns {NullNode} The node representing null.
     */
    function createNullNode(token) {
        const range = createRange(token.loc.start, token.loc.end);

        return types.null({
            loc: {
                start: {
                    ...token.loc.start
                },
                end: {
                    ...token.loc.end
                }
            },
            ...range
        });
    }


    /**
     * Parses a property in an object.
     * @param {number} tokenType The token representing the property.
     * @returns {MemberNode} The node representing the property.
     * @throws {UnexpectedToken} When an unexpected token is found.
     * @throws {UnexpectedEOF} When the end of the file is reached.
     */
    function parseProperty(tokenType) {

        if (json5) {
            assertTokenTypes(tokenType, [tt.String, tt.Identifier, tt.Number]);
        } else {
            assertTokenType(tokenType, tt.String);
        }

        const token = tokenizer.token;

        // check for -NaN, +NaN, -Infinity, +Infinity, and any number
        if (json5 && tokenType === tt.Number && /[+\-0-9]/.test(text[token.loc.start.offset])) {
            throw new UnexpectedToken(token);
        }

        // TODO: Clean this up a bit
        let key = tokenType === tt.String
            ? /** @type {StringNode} */ (createLiteralNode(tokenType))
            : /** @type {IdentifierNode|NaNNode|InfinityNode} */ (createJSON5IdentifierNode(token));

        // in JSON5, need to check for NaN and Infinity and create identifier nodes
        if (json5 && (key.type === "NaN" || key.type === "Infinity")) {

            // NaN and Infinity cannot be signed and be a property key
            if (key.sign !== "") {
                throw new UnexpectedToken(tokenizer.token);
            }

            key = types.identifier(key.type, { loc: key.loc, ...createRange(key.loc.start, key.loc.end) });
        }

        tokenType = next();
        assertTokenType(tokenType, tt.Colon);
        const value = parseValue();
        const range = createRange(key.loc.start, value.loc.end);

        return types.member(
            /** @type {StringNode|IdentifierNode} */ (key),
            /** @type {ValueNode} */ (value),
            {
                loc: {
                    start: {
                        ...key.loc.start
                    },
                    end: {
                        ...value.loc.end
                    }
                },
                ...range
            }
        );
    }

    /**
     * Parses an object literal.
     * @param {number} firstTokenType The first token type in the object.
     * @returns {ObjectNode} The object node.
     * @throws {UnexpectedEOF} When the end of the file is reached.
     * @throws {UnexpectedToken} When an unexpected token is found.
     */
    function parseObject(firstTokenType) {

        // The first token must be a { or else it's an error
        assertTokenType(firstTokenType, tt.LBrace);

        const firstToken = tokenizer.token;
        const members = [];
        let tokenType = next();

        if (tokenType !== tt.RBrace) {
            do {
    
                // add the value into the array
                members.push(parseProperty(tokenType));
    
                tokenType = next();

                if (!tokenType) {
                    throw new UnexpectedEOF(members[members.length-1].loc.end);
                }
    
                if (tokenType === tt.Comma) {
                    tokenType = next();

                    /*
                      * Trailing commas.
                      * So we need to check if the token is a comma,
                      * and if so, then we need to check if the next
                      * token is a RBrace. If it is, then we need to
                      * break out of the loop.
                      */
                    if (allowTrailingCommas && tokenType === tt.RBrace) {
                        break;
                    }                      
                } else {
                    break;
                }
            } while (tokenType);
        }

        assertTokenType(tokenType, tt.RBrace);
        const lastToken = tokenizer.token;
        const range = createRange(firstToken.loc.start, lastToken.loc.end);

        return types.object(members, {
            loc: {
                start: {
                    ...firstToken.loc.start
                },
                end: {
                    ...lastToken.loc.end
                }
            },
            ...range
        });

    }

    /**
     * Parses an array literal.
     * @param {number} firstTokenType The first token in the array.
     * @returns {ArrayNode} The array node.
     * @throws {UnexpectedToken} When an unexpected token is found.
     * @throws {UnexpectedEOF} When the end of the file is reached.
     */
    function parseArray(firstTokenType) {

        // The first token must be a [ or else it's an error
        assertTokenType(firstTokenType, tt.LBracket);

        const firstToken = tokenizer.token;
        const elements = [];
        let tokenType = next();
        
        if (tokenType !== tt.RBracket) {

            do {

                // add the value into the array
                const value = parseValue(tokenType);

                elements.push(types.element(
                    /** @type {ValueNode} */ (value),
                    { loc: value.loc }
                ));

                tokenType = next();
              
                if (tokenType === tt.Comma) {
                    tokenType = next();

                    /*
                      * Trailing commas.
                      * So we need to check if the token is a comma,
                      * and if so, then we need to check if the next
                      * token is a RBracket. If it is, then we need to
                      * break out of the loop.
                      */
                    if (allowTrailingCommas && tokenType === tt.RBracket) {
                        break;
                    }                    
                } else {
                    break;
                }
            } while (tokenType);
        }

        assertTokenType(tokenType, tt.RBracket);

        const lastToken = tokenizer.token;
        const range = createRange(firstToken.loc.start, lastToken.loc.end);

        return types.array(elements, {
            loc: {
                start: {
                    ...firstToken.loc.start
                },
                end: {
                    ...lastToken.loc.end
                }
            },
            ...range
        });

    }

    /**
     * Parses a JSON value.
     * @param {number} [tokenType] The token type to parse.
     * @returns {ValueNode|IdentifierNode} The node representing the value.
     */
    function parseValue(tokenType) {

        tokenType = tokenType ?? next();
        const token = tokenizer.token;

        if (!tokenType) {
            throw new UnexpectedEOF({
                line: 1,
                column: 1,
                offset: 0
            });
        }
        
        switch (tokenType) {
            case tt.String:
            case tt.Boolean:
                return createLiteralNode(tokenType);

            case tt.Number:
                if (json5) {
                    let tokenText = text.slice(token.loc.start.offset, token.loc.end.offset);
                    if (tokenText[0] === "+" || tokenText[0] === "-") {
                        tokenText = tokenText.slice(1);
                    }

                    if (tokenText === "NaN" || tokenText === "Infinity") {
                        return createJSON5IdentifierNode(token);
                    }
                }
                return createLiteralNode(tokenType);

            case tt.Null:
                return createNullNode(token);

            case tt.LBrace:
                return parseObject(tokenType);

            case tt.LBracket:
                return parseArray(tokenType);

            default:
                throw new UnexpectedToken(token);
        }

    }

    
    const docBody = parseValue();
    
    const unexpectedToken = next();
    if (unexpectedToken) {
        throw new UnexpectedToken(tokenizer.token);
    }
    
    
    const textEndLocation = getEndLocation(text);
    const docParts = {
        loc: {
            start: {
                line: 1,
                column: 1,
                offset: 0
            },
            end: {
                ...textEndLocation
            }
        }
    };
    
    if (options.tokens) {
        docParts.tokens = tokens;
    }

    if (options.ranges) {
        docParts.range = [
            docParts.loc.start.offset,
            docParts.loc.end.offset
        ];
    }

    return types.document(/** @type {ValueNode} */ (docBody), docParts);
}

/**
 * @fileoverview Traversal approaches for Momoa JSON AST.
 * @author Nicholas C. Zakas
 */

//-----------------------------------------------------------------------------
// Typedefs
//-----------------------------------------------------------------------------

/** @typedef {import("./typedefs.js").TraversalPhase} TraversalPhase */
/**
 * @typedef {Object} TraversalVisitor
 * @property {(node: Node, parent?: Node) => void} [enter]
 * @property {(node: Node, parent?: Node) => void} [exit]
 */

//-----------------------------------------------------------------------------
// Data
//-----------------------------------------------------------------------------

const childKeys = new Map([
    ["Document", ["body"]],
    ["Object", ["members"]],
    ["Member", ["name", "value"]],
    ["Element", ["value"]],
    ["Array", ["elements"]],
    ["String", []],
    ["Number", []],
    ["Boolean", []],
    ["Null", []],
    ["NaN", []],
    ["Infinity", []],
    ["Identifier", []],
]);

//-----------------------------------------------------------------------------
// Helpers
//-----------------------------------------------------------------------------

/**
 * Determines if a given value is an object.
 * @param {*} value The value to check.
 * @returns {boolean} True if the value is an object, false if not. 
 */
function isObject(value) {
    return value && (typeof value === "object");
}

/**
 * Determines if a given value is an AST node.
 * @param {*} value The value to check.
 * @returns {boolean} True if the value is a node, false if not. 
 */
function isNode(value) {
    return isObject(value) && (typeof value.type === "string");
}

//-----------------------------------------------------------------------------
// Exports
//-----------------------------------------------------------------------------

/**
 * Traverses an AST from the given node.
 * @param {Node} root The node to traverse from 
 * @param {TraversalVisitor} visitor An object with an `enter` and `exit` method. 
 */
function traverse(root, visitor) {

    /**
     * Recursively visits a node.
     * @param {Node} node The node to visit.
     * @param {Node} [parent] The parent of the node to visit.
     * @returns {void}
     */
    function visitNode(node, parent) {

        if (typeof visitor.enter === "function") {
            visitor.enter(node, parent);
        }

        for (const key of childKeys.get(node.type)) {
            const value = node[key];

            if (isObject(value)) {
                if (Array.isArray(value)) {
                    value.forEach(child => visitNode(child, node));
                } else if (isNode(value)) {
                    visitNode(value, node);
                }
            }
        }

        if (typeof visitor.exit === "function") {
            visitor.exit(node, parent);
        }
    }

    visitNode(root);
}

/**
 * @callback FilterPredicate
 * @param {{node: Node, parent?: Node, phase: TraversalPhase}} item
 * @param {number} index
 * @param {Array<{node: Node, parent?: Node, phase: TraversalPhase}>} array
 * @returns {boolean}
 */

/**
 * Creates an iterator over the given AST.
 * @param {Node} root The root AST node to traverse. 
 * @param {FilterPredicate} [filter] A filter function to determine which steps to
 *      return;
 * @returns {IterableIterator<{node: Node, parent?: Node, phase: TraversalPhase}>} An iterator over the AST.  
 */
function iterator(root, filter = () => true) {

    /** @type {Array<{node: Node, parent?: Node, phase: TraversalPhase}>} */
    const traversal = [];

    traverse(root, {
        enter(node, parent) {
            traversal.push({ node, parent, phase: "enter" });
        },
        exit(node, parent) {
            traversal.push({ node, parent, phase: "exit" });
        }
    });

    return traversal.filter(filter).values();
}

/**
 * @fileoverview Evaluator for Momoa AST.
 * @author Nicholas C. Zakas
 */

//-----------------------------------------------------------------------------
// Typedefs
//-----------------------------------------------------------------------------

/** @typedef {import("./typedefs.js").AnyNode} AnyNode */
/** @typedef {import("./typedefs.js").JSONValue} JSONValue */

//-----------------------------------------------------------------------------
// Exports
//-----------------------------------------------------------------------------

/**
 * Evaluates a Momoa AST node into a JavaScript value.
 * @param {AnyNode} node The node to interpet.
 * @returns {JSONValue} The JavaScript value for the node. 
 */
function evaluate(node) {
    switch (node.type) {
        case "String":
            return node.value;

        case "Number":
            return node.value;

        case "Boolean":
            return node.value;

        case "Null":
            return null;

        case "NaN":
            return NaN;
        
        case "Infinity":
            return node.sign === "-" ? -Infinity : Infinity;

        case "Identifier":
            return node.name;

        case "Array": {
            // const arrayNode = /** @type {ArrayNode} */ (node);
            return node.elements.map(element => evaluate(element.value));
        }

        case "Object": {

            /** @type {{[property: string]: JSONValue}} */
            const object = {};

            node.members.forEach(member => {
                Object.defineProperty(object, /** @type {string} */ (evaluate(member.name)), {
                    value: evaluate(member.value),
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            });    

            return object;
        }    

        case "Document": {
            return evaluate(node.body);
        }

        case "Element":
            throw new Error("Cannot evaluate array element outside of an array.");

        case "Member":
            throw new Error("Cannot evaluate object member outside of an object.");

        default:
            // @ts-ignore tsc doesn't know about the type property here?
            throw new Error(`Unknown node type ${ node.type }.`);
    }
}

/**
 * @fileoverview Printer for Momoa AST.
 * @author Nicholas C. Zakas
 */


//-----------------------------------------------------------------------------
// Typedefs
//-----------------------------------------------------------------------------


//-----------------------------------------------------------------------------
// Helpers
//-----------------------------------------------------------------------------

/**
 * Prints the string representation of a Boolean node.
 * @param {BooleanNode} node The node to print.
 * @returns {string} The boolean value.
 */
function printBoolean(node) {
    return node.value ? "true" : "false";
}

/**
 * Prints the string representation of a null node.
 * @returns {string} The string "null".
 */
function printNull() {
    return "null";
}

/**
 * Prints the string representation of a number node.
 * @param {NumberNode} node The node to print.
 * @returns {string} The number value.
 */
function printNumber(node) {
    return node.value.toString();
}

/**
 * Prints the string representation of a NaN node.
 * @returns {string} The string "NaN".
 */
function printNaN() {
    return "NaN";
}

/**
 * Prints the string representation of an Infinity node.
 * @param {InfinityNode} node The node to print.
 * @returns {string} The string "Infinity" or "-Infinity".
 */
function printInfinity(node) {
    return node.sign + "Infinity";
}

/**
 * Prints the string representation of a string node.
 * @param {StringNode} node The node to print.
 * @returns {string} The string value.
 */
function printString(node) {

    let result = "\"";

    // escape all characters that need escaping
    for (const c of node.value) {

        const newChar = json5CharToEscape.get(c);

        if (newChar) {
            result += "\\" + newChar;
            continue;
        }

        // if it's a double quote, escape it
        if (c === "\"") {
            result += "\\\"";
            continue;
        }

        // if it's a control character, escape it
        if (c < " " || c === "\u007F") {
            const hex = c.codePointAt(0).toString(16).toUpperCase();
            result += `\\u${"0000".substring(hex.length)}${hex}`;
            continue;
        }

        // otherwise, just add the character
        result += c;

    }
    
    return result + "\"";
}

/**
 * Prints the string representation of an identifier node.
 * @param {IdentifierNode} node The node to print.
 * @returns {string} The identifier name.
 */
function printIdentifier(node) {
    return node.name;
}

/**
 * Prints the string representation of an array node.
 * @param {ArrayNode} node The node to print.
 * @param {string} indent The string to use for indentation.
 * @param {number} indentLevel The current level of indentation.
 * @returns {string} The array value.
 */
function printArray(node, indent, indentLevel) {
    const newLine = indent ? "\n" : "";
    const indentString = indent.repeat(indentLevel);
    const elementIndentString = indent.repeat(indentLevel + 1);

    return `[${newLine}${
        node.elements.map(element =>
            `${elementIndentString}${printValue(element.value, indent, indentLevel + 1)}`
        ).join(`,${newLine}`)
    }${newLine}${indentString}]`;
}

/**
 * Prints the string representation of a member node.
 * @param {MemberNode} node The node to print.
 * @param {string} indent The string to use for indentation.
 * @param {number} indentLevel The current level of indentation.
 * @returns {string} The member value.
 */
function printMember(node, indent, indentLevel) {
    const space = indent ? " " : "";
    return `${printValue(node.name, indent, indentLevel)}:${space}${printValue(node.value, indent, indentLevel + 1)}`;
}

/**
 * Prints the string representation of an object node.
 * @param {ObjectNode} node The node to print.
 * @param {string} indent The string to use for indentation.
 * @param {number} indentLevel The current level of indentation.
 * @returns {string} The object value.
 */
function printObject(node, indent, indentLevel) {
    const newLine = indent ? "\n" : "";
    const indentString = indent.repeat(indentLevel);
    const memberIndentString = indent.repeat(indentLevel + 1);

    return `{${newLine}${
        node.members.map(member => 
            `${memberIndentString}${printMember(member, indent, indentLevel)}`
        ).join(`,${newLine}`)
    }${newLine}${indentString}}`;
}

/**
 * Prints the string representation of a node.
 * @param {AnyNode} node The node to print.
 * @param {string} indentString The string to use for indentation.
 * @param {number} indentLevel The current level of indentation.
 * @returns {string} The string representation of the node.
 * @throws {TypeError} If the node type is unknown.

 */
function printValue(node, indentString, indentLevel) {
    switch (node.type) {
        case "String":
            return printString(node);
        case "Number":
            return printNumber(node);
        case "Boolean":
            return printBoolean(node);
        case "Null":
            return printNull();
        case "NaN":
            return printNaN();
        case "Infinity":
            return printInfinity(node);
        case "Identifier":
            return printIdentifier(node);
        case "Array":
            return printArray(node, indentString, indentLevel);
        case "Object":
            return printObject(node, indentString, indentLevel);
        case "Document":
            return printValue(node.body, indentString, indentLevel);
        default:
            throw new TypeError(`Unknown node type: ${node.type}`);
    }
}


//-----------------------------------------------------------------------------
// Exports
//-----------------------------------------------------------------------------

/**
 * Converts a Momoa AST back into a JSON string.
 * @param {AnyNode} node The node to print.
 * @param {Object} options Options for the print.
 * @param {number} [options.indent=0] The number of spaces to indent each line. If
 *      greater than 0, then newlines and indents will be added to output. 
 * @returns {string} The JSON representation of the AST.
 */
function print(node, { indent = 0 } = {}) {

    const indentLevel = 0;
    const indentString = " ".repeat(indent);

    return printValue(node, indentString, indentLevel);
}



;// CONCATENATED MODULE: ./build/src/core/strict-json.js
// Strict JSON for files that strangers submit by pull request. JSON.parse accepts too much for that (a
// duplicate key silently wins, a BOM or a lone surrogate slips through) and gives no line numbers, so this
// parses with momoa, which keeps positions, and builds the value from its syntax tree.


/** A task's script may hold 64 KiB; the margin leaves room for escaping and the other fields. */
const DEFAULT_MAX_BYTES = 96 * 1024;
const DEFAULT_MAX_DEPTH = 32;
// Keys that mean something to JavaScript objects. No grid file needs them, and refusing them is simpler
// than proving every consumer of the value copies objects safely.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NON_FINITE_MESSAGE = 'NaN and Infinity are not allowed in JSON: use a number or null';
function parseStrictJson(input, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
    if (size > maxBytes) {
        return fail({ line: 1, column: 1 }, `the file is ${size} bytes, more than the limit of ${maxBytes}: make it smaller`);
    }
    if (typeof input !== 'string' && !(0,external_node_buffer_namespaceObject.isUtf8)(input)) {
        const offset = firstInvalidUtf8(input);
        const before = input.subarray(0, offset).toString('utf8');
        return fail(positionOf(before, before.length), `the file is not valid UTF-8 (at byte offset ${offset}): save it with UTF-8 encoding`);
    }
    const text = typeof input === 'string' ? input : input.toString('utf8');
    if (text.startsWith('\uFEFF')) {
        return fail({ line: 1, column: 1 }, 'the file starts with a byte order mark (BOM): save it as UTF-8 without BOM');
    }
    const start = text.search(/[^ \t\n\r]/);
    if (start === -1)
        return fail({ line: 1, column: 1 }, 'the file is empty: it must hold a JSON object');
    if (text[start] !== '{') {
        return fail(positionOf(text, start), 'the file must hold a JSON object ({ ... }) at the top level');
    }
    const structure = scanStructure(text, maxDepth);
    if (structure.tooDeepAt !== undefined) {
        return fail(positionOf(text, structure.tooDeepAt), `objects and arrays are nested more than ${maxDepth} levels deep: flatten the structure`);
    }
    let document;
    try {
        document = parse(text, { mode: 'json', ranges: true });
    }
    catch (error) {
        if (!isSyntaxError(error))
            throw error;
        const { offset, message } = describeSyntaxError(text, error, structure.end);
        return fail(offset === error.offset ? error : positionOf(text, offset), message);
    }
    const problems = [];
    const value = build(document.body, text, problems);
    if (problems.length > 0)
        return { ok: false, problems };
    return { ok: true, value, locate: (pointer) => locate(document, pointer) };
}
/** The position of a UTF-16 offset in text, counting CR, LF and CRLF as line breaks as momoa does. */
function positionOf(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
function fail(at, message) {
    return { ok: false, problems: [{ line: at.line, column: at.column, message }] };
}
// The offset where the first broken character begins, or where a character cut short by the end begins.
function firstInvalidUtf8(bytes) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let characterStart = 0;
    for (let i = 0; i < bytes.length; i++) {
        try {
            if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== '')
                characterStart = i + 1;
        }
        catch {
            break;
        }
    }
    return characterStart;
}
/**
 * Momoa parses recursively, so brackets are counted first to keep a hostile file from exhausting the
 * stack. Also finds where the top-level value ends, to tell trailing data from other syntax errors.
 * The count is exact up to the first syntax error, which is all that matters.
 */
function scanStructure(text, maxDepth) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"') {
            inString = true;
        }
        else if (c === '{' || c === '[') {
            if (++depth > maxDepth)
                return { tooDeepAt: i };
        }
        else if (c === '}' || c === ']') {
            if (--depth === 0)
                return { end: i + 1 };
        }
    }
    return {};
}
function isSyntaxError(error) {
    return error instanceof Error && typeof error.offset === 'number';
}
function describeSyntaxError(text, error, end) {
    const { offset } = error;
    const rest = text.slice(offset);
    if (rest.startsWith('//') || rest.startsWith('/*')) {
        return { offset, message: 'comments are not allowed in JSON: remove the comment' };
    }
    if (/^-?(NaN|Infinity)/.test(rest))
        return { offset, message: NON_FINITE_MESSAGE };
    if (end !== undefined && offset >= end) {
        return { offset, message: 'unexpected data after the end of the JSON object: remove it' };
    }
    const comma = text.slice(0, offset).search(/,[ \t\n\r]*$/);
    if ((rest.startsWith('}') || rest.startsWith(']')) && comma !== -1) {
        return { offset: comma, message: `trailing comma before "${rest[0]}": remove the comma` };
    }
    // Momoa blames the last token, not the end, when the file stops inside an array.
    if (end === undefined && /^[^ \t\n\r]*[ \t\n\r]*$/.test(rest)) {
        return { offset, message: 'the file ends before the JSON object is complete: look for a missing }, ] or "' };
    }
    const detail = error.message.replace(/ \(\d+:\d+\)$/, '').replace(/ found\.$/, '');
    return {
        offset,
        message: `invalid JSON: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}; look for a missing or extra comma, colon or quote`,
    };
}
function at(node) {
    return { line: node.loc.start.line, column: node.loc.start.column };
}
function memberName(member) {
    return member.name.type === 'String' ? member.name.value : member.name.name;
}
function build(node, text, problems) {
    const problem = (position, message) => problems.push({ ...position, message });
    switch (node.type) {
        case 'Object': {
            const object = {};
            const seen = new Map();
            for (const member of node.members) {
                const key = memberName(member);
                if (member.name.type === 'String')
                    checkString(member.name, text, problem);
                const first = seen.get(key);
                if (FORBIDDEN_KEYS.has(key)) {
                    problem(at(member.name), `key ${key} is not allowed: remove it`);
                }
                else if (first) {
                    const { line, column } = at(first.name);
                    problem(at(member.name), `duplicate key "${key}" (first at line ${line}, column ${column}): keep only one`);
                }
                else {
                    seen.set(key, member);
                    object[key] = build(member.value, text, problems);
                }
            }
            return object;
        }
        case 'Array':
            return node.elements.map((element) => build(element.value, text, problems));
        case 'String':
            checkString(node, text, problem);
            return node.value;
        case 'Number':
            if (!Number.isFinite(node.value))
                problem(at(node), 'the number is too large: use a smaller number or a string');
            return node.value;
        case 'Boolean':
            return node.value;
        case 'Null':
            return null;
        case 'NaN':
        case 'Infinity':
            problem(at(node), NON_FINITE_MESSAGE);
            return null;
    }
}
function checkString(node, text, problem) {
    const [from, to] = node.range ?? [0, 0];
    const raw = text.slice(from, to);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const control = raw.search(/[\u0000-\u001f]/);
    if (control !== -1) {
        // A raw line break ends the string's first line, so the first control character is still on it.
        const code = raw.charCodeAt(control).toString(16).padStart(4, '0').toUpperCase();
        problem({ line: node.loc.start.line, column: node.loc.start.column + control }, `unescaped control character U+${code} in a string: write it as an escape (\\n for a line break, \\t for a tab, \\u${code} otherwise)`);
    }
    else if (/\p{Cs}/u.test(node.value)) {
        problem(at(node), 'the string holds half of a surrogate pair (\\uD800-\\uDFFF alone): write the whole character');
    }
}
function locate(document, pointer) {
    let node = document.body;
    let position = at(node);
    const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
    for (const token of tokens) {
        const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
        if (node.type === 'Object') {
            const member = node.members.find((m) => memberName(m) === key);
            if (!member)
                break;
            position = at(member.name);
            node = member.value;
        }
        else if (node.type === 'Array' && /^(0|[1-9][0-9]*)$/.test(key)) {
            const element = node.elements[Number(key)];
            if (!element)
                break;
            node = element.value;
            position = at(node);
        }
        else {
            break;
        }
    }
    // A pointer that goes nowhere (ajv points at missing properties) lands on the deepest part that exists.
    return position;
}


/***/ }),

/***/ 2651:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PG: () => (/* binding */ checkQueuedTask),
/* harmony export */   Y: () => (/* binding */ contentProblems),
/* harmony export */   qH: () => (/* binding */ entryProblem)
/* harmony export */ });
/* unused harmony exports MAX_TASK_FILE_BYTES, describeProblem */
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1303);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8202);
/* harmony import */ var _ssh_signature_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3860);
/* harmony import */ var _strict_json_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1577);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3478);





/** A task file may hold a 64 KiB script plus its other fields. */
const MAX_TASK_FILE_BYTES = 96 * 1024;
/** The problem with a tree entry itself (mode, type, name, size), before its content is read. */
function entryProblem(file) {
    const { entry } = file;
    if (entry.type === 'commit')
        return 'a submodule is not a task: add a regular JSON file';
    if (entry.mode === '120000')
        return 'a symbolic link is not a task: add a regular JSON file';
    if (entry.type !== 'blob' || entry.mode !== '100644') {
        return `file mode ${entry.mode} is not allowed: task files are regular, non-executable files (100644)`;
    }
    if (!entry.path.endsWith('.json'))
        return 'task files are named <task_id>.json';
    if (!new RegExp(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .TASK_ID_PATTERN */ .Fq).test(file.id)) {
        return `file name "${file.id}.json" is not a valid task id: use letters, digits, dot, underscore, dash`;
    }
    return entry.size === null ? undefined : sizeProblem(entry.size);
}
function sizeProblem(size) {
    return size > MAX_TASK_FILE_BYTES
        ? `the file is ${size} bytes; task files are at most ${MAX_TASK_FILE_BYTES} bytes`
        : undefined;
}
/** Every problem with the content of a file that passed entryProblem: syntax, schema, name, policy, signature. */
function contentProblems(file, blob, policy, kind) {
    const parsed = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStrictJson */ .RJ)(blob, { maxBytes: MAX_TASK_FILE_BYTES });
    if (!parsed.ok)
        return { problems: parsed.problems };
    const { value, locate } = parsed;
    const at = (problem) => ({ message: problem.message, ...locate(problem.pointer) });
    const schemaProblems = (kind === 'submission' ? _validation_js__WEBPACK_IMPORTED_MODULE_4__/* .taskValidator */ .gK : _validation_js__WEBPACK_IMPORTED_MODULE_4__/* .queuedTaskValidator */ .vZ).problems(value);
    const problems = schemaProblems.map(at);
    const taskId = value.task_id;
    if (typeof taskId === 'string' && taskId !== file.id) {
        problems.push(at({
            pointer: '/task_id',
            message: `task_id "${taskId}" does not match the file name "${file.id}.json": make them equal`,
        }));
    }
    if (schemaProblems.length > 0)
        return { problems, locate };
    const task = value;
    problems.push(...(0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .policyProblems */ .NP)(task, policy).map(at));
    const signature = signatureProblem(task, policy);
    if (signature)
        problems.push(at(signature));
    return { task, problems, locate };
}
/** What a worker asks before claiming: is this queued file a task it may run? */
function checkQueuedTask(file, blob, policy) {
    const entryIssue = entryProblem(file);
    if (entryIssue)
        return { ok: false, reason: entryIssue };
    if (!blob)
        return { ok: false, reason: 'the file could not be read' };
    // A partial store lists no sizes, so the entry could not tell.
    const tooLarge = sizeProblem(blob.length);
    if (tooLarge)
        return { ok: false, reason: tooLarge };
    const { task, problems, locate } = contentProblems(file, blob, policy, 'queued');
    if (problems.length === 0)
        return { ok: true, task: task };
    const reason = problems.map(describeProblem).join('; ');
    return { ok: false, reason: locate ? reason : `not valid JSON: ${reason}`, ...(task ? { task } : {}) };
}
function describeProblem(problem) {
    return problem.line === undefined
        ? problem.message
        : `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
const signersOf = new WeakMap();
function signatureProblem(task, policy) {
    if (!policy.signatures.required)
        return undefined;
    if (task.signature === undefined) {
        return {
            pointer: '',
            message: 'this grid accepts signed tasks only: sign the file with "dgrid sign FILE --key ~/.ssh/id_ed25519" ' +
                "using a key listed in the policy's signatures.trusted_signers",
        };
    }
    let signers = signersOf.get(policy);
    if (!signers) {
        signers = (0,_ssh_signature_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAllowedSigners */ .pD)(policy.signatures.trusted_signers);
        signersOf.set(policy, signers);
    }
    const verdict = (0,_ssh_signature_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyTaskSignature */ .jB)(task, signers);
    if (verdict.ok)
        return undefined;
    return {
        pointer: '/signature',
        message: `the signature is not accepted (${verdict.reason}): after your last edit, sign the file again with "dgrid sign FILE --key ..." using a trusted key`,
    };
}


/***/ }),

/***/ 2901:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ transact)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3026);
/* harmony import */ var _git_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1482);
/* harmony import */ var _grid_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5865);
/* harmony import */ var _push_pacer_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8123);
// One change to the grid as one commit on the tip it was computed from. A rejected push means the tip
// moved: read the new tip and compute the change again from it; never rebase, never force.




async function transact(store, build, options) {
    const rounds = options.maxRounds ?? 30;
    let rejectedPushes = 0;
    const pacer = new _push_pacer_js__WEBPACK_IMPORTED_MODULE_2__/* .PushPacer */ .M();
    for (let round = 1; round <= rounds; round++) {
        pacer.begin();
        const tip = await store.fetch();
        if (tip === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`branch "${store.branch}" does not exist: run "dgrid init" first`);
        const snapshot = await _grid_js__WEBPACK_IMPORTED_MODULE_1__/* .GridSnapshot */ .T.load(store, tip, options);
        const plan = await build(snapshot);
        if (!plan || plan.changes.length === 0)
            return { commit: null, value: plan?.value ?? null, rejectedPushes };
        if (options.dryRun)
            return { commit: null, value: plan.value, rejectedPushes };
        const commit = await store.commit(tip, plan.changes, plan.message, options.author);
        if ((await store.push(commit)) === 'pushed')
            return { commit, value: plan.value, rejectedPushes };
        rejectedPushes++;
        await (0,_git_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(pacer.lostRace());
    }
    throw new Error(`gave up after ${rounds} rejected pushes in a row; the grid branch is too busy`);
}


/***/ }),

/***/ 3478:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HF: () => (/* binding */ nodeValidator),
/* harmony export */   Rf: () => (/* binding */ claimValidator),
/* harmony export */   bS: () => (/* binding */ policyValidator),
/* harmony export */   gK: () => (/* binding */ taskValidator),
/* harmony export */   lt: () => (/* binding */ cancelValidator),
/* harmony export */   ou: () => (/* binding */ resultValidator),
/* harmony export */   vZ: () => (/* binding */ queuedTaskValidator)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2463);
/* harmony import */ var ajv_formats__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2815);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8202);



const addFormats = ajv_formats__WEBPACK_IMPORTED_MODULE_0__["default"];
// Every process start compiles what it validates, so compiling is kept cheap: the schemas are constants, held
// to the meta-schema by a test rather than at each start, and the generated code is not optimized (that
// halves compile time and does not slow validation measurably).
const ajv = new ajv__WEBPACK_IMPORTED_MODULE_2__.Ajv({
    allErrors: true,
    strict: true,
    useDefaults: true,
    allowUnionTypes: true,
    validateSchema: false,
    code: { optimize: false },
});
addFormats(ajv, ['date-time']);
/** Compiled on first use: compiling every schema would cost each process start more than it then reads. */
function compile(schema) {
    let compiled;
    const validate = (value) => (compiled ??= ajv.compile(schema))(value);
    return {
        problems: (value) => (validate(value) ? [] : describe(compiled.errors ?? [])),
        is: (value) => validate(value),
    };
}
const taskValidator = compile(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .TaskSchema */ .pj);
const queuedTaskValidator = compile(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .QueuedTaskSchema */ ._l);
const claimValidator = compile(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ClaimSchema */ .Gq);
const resultValidator = compile(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ResultSchema */ .Jh);
const nodeValidator = compile(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .NodeSchema */ .M2);
const policyValidator = compile(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicySchema */ .Qz);
const cancelValidator = compile(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelSchema */ .Ah);
function fieldName(pointer) {
    return pointer === '' ? 'the file' : `field "${pointer.slice(1).replaceAll('/', '.')}"`;
}
function describeOne(e) {
    const at = fieldName(e.instancePath);
    const p = e.params;
    switch (e.keyword) {
        case 'additionalProperties':
            return {
                pointer: `${e.instancePath}/${String(p.additionalProperty)}`,
                message: `unknown field "${String(p.additionalProperty)}" in ${at}: remove it or check its spelling`,
            };
        case 'required':
            return { pointer: e.instancePath, message: `missing field "${String(p.missingProperty)}" in ${at}: add it` };
        case 'type':
            return { pointer: e.instancePath, message: `${at} must be of type ${String(p.type)}` };
        case 'pattern':
            return { pointer: e.instancePath, message: `${at} must match ${String(p.pattern)}` };
        case 'propertyNames':
            return {
                pointer: `${e.instancePath}/${String(p.propertyName)}`,
                message: `${at} has a name that is not allowed: "${String(p.propertyName)}" (use ^[A-Z_][A-Z0-9_]*$, never LD_*, PATH or HOME)`,
            };
        case 'enum':
        case 'anyOf':
            return { pointer: e.instancePath, message: `${at} must be one of the allowed values` };
        default:
            return { pointer: e.instancePath, message: `${at} ${e.message ?? 'is invalid'}` };
    }
}
function describe(errors) {
    const seen = new Set();
    const problems = [];
    for (const e of errors) {
        // Union branches and the not-clause under propertyNames repeat what their parent says.
        if (e.keyword === 'const' || e.keyword === 'not' || e.schemaPath.includes('/propertyNames/'))
            continue;
        const problem = describeOne(e);
        const key = `${problem.pointer}\u0000${problem.message}`;
        if (!seen.has(key)) {
            seen.add(key);
            problems.push(problem);
        }
    }
    return problems;
}


/***/ }),

/***/ 9157:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The dgrid version, recorded in node files. Kept in step with package.json by a test. */
const VERSION = '0.1.0';


/***/ }),

/***/ 6749:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  TK: () => (/* binding */ Worker),
  Xw: () => (/* binding */ defaultNodeId)
});

// UNUSED EXPORTS: resourcesOf, sandboxJob

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./build/src/core/errors.js
var errors = __nccwpck_require__(3026);
;// CONCATENATED MODULE: ./build/src/core/git/cache-owner.js
// A worker's cache repository belongs to one process at a time. A git killed mid-command (kill -9, a lost
// machine) leaves lock files and half-written packs that make every later git command in that repository
// fail; git never removes them itself, because it cannot tell a dead writer from a slow one. The owner can:
// a cache it took over from a dead process holds no live writer, so what the dead one left is garbage.



const OWNER_FILE = 'dgrid-owner';
/** What a killed git leaves behind: ref, shallow, index, config and packed-refs locks, and temporary objects. */
const LEFTOVER = /(\.lock|^tmp_pack_.*|^tmp_idx_.*|^tmp_obj_.*|^incoming-.*)$/;
/**
 * Takes the cache at `dir` for this process: refuses when a live process holds it, and otherwise removes
 * what a dead owner's git left behind. Returns the leftovers removed, relative to `dir`.
 */
async function takeCache(dir) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const owner = await (0,promises_.readFile)((0,external_node_path_.join)(dir, OWNER_FILE), 'utf8').then(parseOwner, () => undefined);
    if (owner && owner.pid !== process.pid && (await isAlive(owner))) {
        throw new errors/* UserError */.y(`${dir} is in use by another worker (process ${owner.pid}): give each worker its own node-id`);
    }
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, OWNER_FILE), JSON.stringify(await identity(process.pid)) + '\n');
    const removed = [];
    for (const path of await leftovers(dir, '')) {
        await (0,promises_.rm)((0,external_node_path_.join)(dir, path), { recursive: true, force: true });
        removed.push(path);
    }
    return removed;
}
function parseOwner(text) {
    try {
        const value = JSON.parse(text);
        return typeof value.pid === 'number' ? { pid: value.pid, start: value.start ?? null } : undefined;
    }
    catch {
        return undefined;
    }
}
async function identity(pid) {
    return { pid, start: await startTime(pid) };
}
/** Field 22 of /proc/<pid>/stat, read after the command name, which may hold spaces; null without /proc. */
async function startTime(pid) {
    const stat = await (0,promises_.readFile)(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    return stat === null ? null : (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null);
}
async function isAlive(owner) {
    try {
        process.kill(owner.pid, 0);
    }
    catch (error) {
        return error.code === 'EPERM';
    }
    const start = await startTime(owner.pid);
    return owner.start === null || start === null || start === owner.start;
}
/** Leftovers in the places git writes them: the repository root, refs/ and objects/, at any depth. */
async function leftovers(dir, relative) {
    const entries = await (0,promises_.readdir)((0,external_node_path_.join)(dir, relative), { withFileTypes: true }).catch(() => []);
    const found = [];
    for (const entry of entries) {
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        if (LEFTOVER.test(entry.name))
            found.push(path);
        else if (entry.isDirectory() && (relative !== '' || entry.name === 'refs' || entry.name === 'objects')) {
            found.push(...(await leftovers(dir, path)));
        }
    }
    return found;
}

// EXTERNAL MODULE: ./build/src/core/git/store.js
var store = __nccwpck_require__(475);
// EXTERNAL MODULE: ./build/src/core/git/runner.js
var runner = __nccwpck_require__(1482);
// EXTERNAL MODULE: ./build/src/core/grid.js
var grid = __nccwpck_require__(5865);
// EXTERNAL MODULE: ./build/src/core/lifecycle.js
var lifecycle = __nccwpck_require__(8125);
// EXTERNAL MODULE: ./build/src/core/policy.js
var core_policy = __nccwpck_require__(1303);
;// CONCATENATED MODULE: ./build/src/core/push-budget.js

/**
 * A token bucket of pushes per minute. Waiting for a token is what makes a busy node batch: results keep
 * arriving while it waits, and the next commit carries them all. 0 means no limit.
 */
class PushBudget {
    perMinute;
    tokens;
    last = Date.now();
    constructor(perMinute) {
        this.perMinute = perMinute;
        this.tokens = perMinute;
    }
    /** Resolves when a push may start (at once when the budget allows); the signal cuts the wait short. */
    async take(signal) {
        if (this.perMinute <= 0)
            return;
        this.refill();
        if (this.tokens < 1) {
            await (0,runner/* sleep */.yy)(((1 - this.tokens) * 60_000) / this.perMinute, signal);
            this.refill();
        }
        this.tokens = Math.max(0, this.tokens - 1);
    }
    refill() {
        const now = Date.now();
        this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.last) / 60_000) * this.perMinute);
        this.last = now;
    }
}
/** The stricter of the grid's budget and the node's own; 0 on either side means that side sets no limit. */
function effectiveBudget(policyPerMinute, nodePerMinute) {
    const limits = [policyPerMinute, nodePerMinute ?? 0].filter((n) => n > 0);
    return limits.length === 0 ? 0 : Math.min(...limits);
}

// EXTERNAL MODULE: ./build/src/core/push-pacer.js
var push_pacer = __nccwpck_require__(8123);
// EXTERNAL MODULE: ./build/src/core/task-file.js
var task_file = __nccwpck_require__(2651);
;// CONCATENATED MODULE: ./build/src/core/scheduler.js
// Which queued tasks a node may claim now, best first, and which will never run.
//
// Order: priority (high, normal, low); within a priority the task waiting longest first (since its last
// attempt ended, its not_before, or when this node first saw it in the queue); then a shuffle seeded by
// the node id, so racing nodes choosing among equal candidates rarely pick the same task.



const PRIORITY_RANK = { high: 0, normal: 1, low: 2 };
async function scanQueue(snapshot, node, now, policy) {
    const files = snapshot.of('queue');
    const blobs = await snapshot.store.read(files.filter((f) => f.entry.type === 'blob').map((f) => f.entry.sha));
    const seenAt = now.toISOString();
    const rejected = [];
    const valid = [];
    for (const file of files) {
        if ((snapshot.byId.get(file.id)?.length ?? 0) > 1)
            continue; // a duplicate id is for the audit, not for running
        if (!node.firstSeen.has(file.id))
            node.firstSeen.set(file.id, seenAt);
        const check = (0,task_file/* checkQueuedTask */.PG)(file, blobs.get(file.entry.sha), policy);
        const cancel = snapshot.cancels.get(file.id);
        if (cancel) {
            rejected.push({
                file,
                status: 'cancelled',
                reason: 'cancelled while queued',
                cancel,
                ...(check.task ? { task: check.task } : {}),
            });
        }
        else if (!check.ok) {
            rejected.push({ file, status: 'error', reason: check.reason, ...(check.task ? { task: check.task } : {}) });
        }
        else if ((0,lifecycle/* attemptsUsed */.id)(check.task) >= (0,lifecycle/* maxAttempts */.F3)(check.task, policy)) {
            rejected.push({
                file,
                status: 'error',
                task: check.task,
                reason: `all ${(0,lifecycle/* maxAttempts */.F3)(check.task, policy)} attempts are used up`,
            });
        }
        else
            valid.push({ file, task: check.task });
    }
    const waiting = valid.filter((c) => c.task.depends_on?.length);
    const doomed = waiting.length > 0 ? await failedDependencies(snapshot, waiting, rejected) : new Map();
    const completed = waiting.length > 0 ? await snapshot.idsIn('completed') : new Set();
    const claimable = [];
    let nextEligibleAt;
    for (const candidate of valid) {
        const { task, file } = candidate;
        const doom = doomed.get(task.task_id);
        if (doom) {
            rejected.push({ file, task, ...doom });
            continue;
        }
        if (!(task.requires ?? []).every((label) => node.labels.includes(label)))
            continue;
        if (task.not_before !== undefined) {
            const at = new Date(task.not_before);
            if (at > now) {
                if (!nextEligibleAt || at < nextEligibleAt)
                    nextEligibleAt = at;
                continue;
            }
        }
        if (!(task.depends_on ?? []).every((id) => completed.has(id)))
            continue;
        claimable.push(candidate);
    }
    claimable.sort((a, b) => compare(a.task, b.task, node));
    return { claimable, rejected, ...(nextEligibleAt ? { nextEligibleAt } : {}) };
}
async function failedDependencies(snapshot, waiting, rejected) {
    const failed = await snapshot.idsIn('failed');
    for (const r of rejected)
        failed.add(r.file.id);
    const completed = await snapshot.idsIn('completed');
    const known = (id) => snapshot.byId.has(id) || completed.has(id) || failed.has(id);
    const doomed = new Map();
    const doomOf = (dep) => {
        if (failed.has(dep) || doomed.has(dep))
            return { status: 'failure', reason: `dependency ${dep} failed` };
        if (!known(dep))
            return { status: 'error', reason: `dependency ${dep} does not exist in this grid: fix depends_on` };
        return undefined;
    };
    for (let changed = true; changed;) {
        changed = false;
        for (const { task } of waiting) {
            if (doomed.has(task.task_id))
                continue;
            const doom = (task.depends_on ?? []).map(doomOf).find((d) => d !== undefined);
            if (doom) {
                doomed.set(task.task_id, doom);
                changed = true;
            }
        }
    }
    return doomed;
}
function waitingSince(task, node) {
    return task.attempts?.at(-1)?.ended_at ?? task.not_before ?? node.firstSeen.get(task.task_id) ?? '';
}
function compare(a, b, node) {
    const rank = PRIORITY_RANK[a.priority ?? 'normal'] - PRIORITY_RANK[b.priority ?? 'normal'];
    if (rank !== 0)
        return rank;
    const age = waitingSince(a, node).localeCompare(waitingSince(b, node));
    if (age !== 0)
        return age;
    return spread(node.nodeId, a.task_id).localeCompare(spread(node.nodeId, b.task_id));
}
function spread(nodeId, taskId) {
    return (0,external_node_crypto_.createHash)('sha1').update(`${nodeId}\0${taskId}`).digest('hex');
}

// EXTERNAL MODULE: ./build/src/core/validation.js
var validation = __nccwpck_require__(3478);
// EXTERNAL MODULE: ./build/src/core/version.js
var version = __nccwpck_require__(9157);
;// CONCATENATED MODULE: ./build/src/core/worker.js
// The worker node: claims tasks by pushing a commit that moves them to its in_progress folder, runs them in
// the sandbox, and commits each result only while its claim still holds this node's token.
//
// Every push is one commit built on the tip it was computed from. A rejected push means somebody else
// moved the tip: the node re-reads the tip and rebuilds its changes from it, never rebases, so a claim
// counts only when the remote tip holds this node's token.














const MAX_PUSH_ROUNDS = 20;
/** A node looks whether its cache needs tidying every so many rounds; the look costs one git process. */
const TIDY_EVERY_ROUNDS = 50;
const MAX_REJECTS_PER_COMMIT = 20;
class Worker {
    settings;
    sandbox;
    log;
    running = new Map();
    /** Claims held beyond the slots (prefetch), oldest first, each started when a slot frees up. */
    waiting = [];
    finished = [];
    /** Tokens this process issued: a claim of ours that landed although the push reported an error is adopted. */
    issuedTokens = new Set();
    report;
    startedAt = new Date();
    node;
    lastHeartbeat = 0;
    /** The tip of the last queue scan that left nothing for this node to claim; polling skips while it holds. */
    exhaustedTip = null;
    nextEligibleAt;
    /** The tip of the last sync: while tasks run, a moved tip may carry a cancel request for one of them. */
    seenTip = null;
    firstSeen = new Map();
    claimed = 0;
    lastActivity = Date.now();
    stopReason;
    stopSignal = new AbortController();
    wake = () => undefined;
    store;
    budget;
    pacer = new push_pacer/* PushPacer */.M();
    /** The sandbox failed under a task and has not answered since. */
    sandboxLost = false;
    constructor(settings, sandbox, log) {
        this.settings = settings;
        this.sandbox = sandbox;
        this.log = log;
        this.report = {
            nodeId: settings.nodeId,
            completed: 0,
            failed: 0,
            returned: 0,
            fenced: 0,
            pushes: 0,
            rejectedPushes: 0,
            stopReason: '',
            outcomes: [],
        };
    }
    /** What the metrics endpoint shows; read at any time while the node runs. */
    gauges() {
        return {
            report: this.report,
            running: this.running.size,
            slots: this.settings.slots,
            sinceLastPushSeconds: (Date.now() - (this.lastHeartbeat || this.startedAt.getTime())) / 1000,
            stopping: this.stopReason !== undefined,
        };
    }
    /** Claim nothing more, stop running tasks and hand them back, mark the node offline, then return. */
    stop(reason) {
        if (this.stopReason)
            return;
        this.stopReason = reason;
        this.log.info(`stopping: ${reason}`);
        for (const task of this.running.values())
            task.controller.abort();
        // Claims that never started run nowhere now: the last commit hands them back.
        this.waiting.length = 0;
        this.stopSignal.abort();
        this.wake();
    }
    async run() {
        const s = this.settings;
        const leftovers = await takeCache(s.cacheDir);
        if (leftovers.length > 0)
            this.log.info(`removed what a killed git left in the cache: ${leftovers.join(', ')}`);
        this.store = await store/* GridStore */.g.open({
            remote: s.remote,
            branch: s.branch,
            dir: s.cacheDir,
            token: s.token,
            partial: true,
        });
        const orphans = await this.sandbox.removeOrphans(s.nodeId);
        if (orphans > 0)
            this.log.info(`removed ${orphans} container(s) left by an earlier run of ${s.nodeId}`);
        if (this.sandbox.kind === 'none') {
            this.log.warn('sandbox "none": tasks run as plain processes on this machine, without isolation. Use it only for trusted grids.');
        }
        // Idleness counts from here: a slow start (a busy machine, a cold cache) is not idle time.
        this.lastActivity = Date.now();
        let idleRounds = 0;
        for (let round = 1; !this.stopReason; round++) {
            this.checkLimits();
            if (this.stopReason)
                break;
            if (round % TIDY_EVERY_ROUNDS === 0)
                await this.tryTidy();
            const busy = await this.trySync();
            // Polling backs off while nothing moves for this node, also while its tasks run: a task that ends
            // wakes the node at once, so only a cancel request waits for the next look.
            idleRounds = busy ? 0 : idleRounds + 1;
            if (busy || this.holding())
                this.lastActivity = Date.now();
            if (this.doneWithQuota())
                break;
            await this.pause(idleRounds);
        }
        await this.shutdown();
        this.report.stopReason = this.stopReason ?? 'max-tasks reached';
        return this.report;
    }
    /** A cache that cannot be tidied still works; it only grows. */
    async tryTidy() {
        try {
            const tidied = await this.store.tidy();
            if (tidied > 0)
                this.log.debug(`tidied the cache: ${tidied} loose objects packed or dropped`);
        }
        catch (error) {
            this.log.warn(`could not tidy the cache: ${(0,errors/* errorMessage */.g)(error)}`);
        }
    }
    checkLimits() {
        const s = this.settings;
        if (s.maxRuntimeMinutes > 0 && Date.now() - this.startedAt.getTime() >= s.maxRuntimeMinutes * 60_000) {
            this.stop(`max-runtime-minutes (${s.maxRuntimeMinutes}) reached`);
        }
        else if (s.idleTimeoutSeconds > 0 &&
            !this.holding() &&
            this.finished.length === 0 &&
            Date.now() - this.lastActivity >= s.idleTimeoutSeconds * 1000) {
            this.stop(`idle for ${s.idleTimeoutSeconds} s`);
        }
    }
    doneWithQuota() {
        const max = this.settings.maxTasks;
        return max > 0 && this.claimed >= max && !this.holding() && this.finished.length === 0;
    }
    /** Whether any claim of this node runs or waits here. */
    holding() {
        return this.running.size > 0 || this.waiting.length > 0;
    }
    /** How many more claims this node takes now: its free slots and prefetch, within max-tasks. */
    claimRoom() {
        const max = this.settings.maxTasks;
        const quota = max > 0 ? max - this.claimed : Infinity;
        const room = this.settings.slots + (this.settings.prefetch ?? 0) - this.running.size - this.waiting.length;
        // Finished tasks free their slot now: their results ride in the same commit as the next claims.
        return Math.max(0, Math.min(room, quota));
    }
    /** Waits for a finished task, the stop signal, or the poll interval (backing off while idle). */
    async pause(idleRounds) {
        if (this.stopReason)
            return;
        if (this.finished.length === 0) {
            const base = this.settings.pollIntervalSeconds * 1000;
            const backoff = base * Math.min(8, 2 ** Math.max(0, idleRounds - 1));
            const untilEligible = this.nextEligibleAt ? Math.max(0, this.nextEligibleAt.getTime() - Date.now()) : Infinity;
            await this.nap(Math.min(backoff * (0.75 + Math.random() * 0.5), untilEligible));
            if (this.finished.length === 0 || this.stopReason)
                return;
        }
        // A result is ready. Let those about to be ready join it in a single push: wait for the window to close
        // or for every running task to finish, whichever comes first.
        const closes = Date.now() + (this.settings.batchWindowMs ?? 0);
        while (this.running.size > 0 && Date.now() < closes && !this.stopReason)
            await this.nap(closes - Date.now());
    }
    /** Sleeps until the delay passes, a task finishes, or (unless stopping already) the node is told to stop. */
    async nap(ms) {
        // Woken early, the nap ends its timer too: a timer left behind would hold a listener on the stop signal.
        const woken = new AbortController();
        this.wake = () => woken.abort();
        await (0,runner/* sleep */.yy)(ms, this.stopReason ? woken.signal : AbortSignal.any([woken.signal, this.stopSignal.signal]));
        this.wake = () => undefined;
    }
    /**
     * Heartbeats keep a node's claims alive, so while it holds any one is due every lease.heartbeat_seconds.
     * An idle node's heartbeat only keeps it listed as online, so it comes every half node timeout: an idle
     * node spends a push every few minutes, not every minute.
     */
    heartbeatDue(policy) {
        const lease = policy?.lease ?? { heartbeat_seconds: 60, node_timeout_seconds: 600 };
        const busy = this.holding() || this.finished.length > 0;
        const seconds = busy ? lease.heartbeat_seconds : Math.max(lease.heartbeat_seconds, lease.node_timeout_seconds / 2);
        return Date.now() - this.lastHeartbeat >= seconds * 1000;
    }
    /** Whether this node's heartbeat is overdue while it holds claims: one more late round brings the reaper nearer. */
    leaseAtRisk(policy) {
        const busy = this.holding() || this.finished.length > 0;
        return busy && Date.now() - this.lastHeartbeat >= policy.lease.heartbeat_seconds * 1000;
    }
    policy;
    /** One sync round, unless nothing could have changed; returns whether it moved any task. */
    async trySync() {
        const wantsClaims = this.claimRoom() > 0 && (await this.sandboxAnswers());
        const mustWrite = this.finished.length > 0 || this.node === undefined || this.heartbeatDue(this.policy);
        if (!mustWrite) {
            const timeToCheck = wantsClaims && this.nextEligibleAt !== undefined && this.nextEligibleAt <= new Date();
            if (!timeToCheck) {
                // The cheap check: read the remote tip without fetching, and skip while nothing new can be there.
                const quietTip = wantsClaims ? this.exhaustedTip : this.holding() ? this.seenTip : undefined;
                if (quietTip === undefined)
                    return false;
                if (quietTip !== null && (await this.store.remoteTip().catch(() => null)) === quietTip)
                    return false;
            }
        }
        try {
            return await this.sync(wantsClaims);
        }
        catch (error) {
            if (error instanceof errors/* UserError */.y)
                throw error;
            this.log.warn(`sync failed, will retry: ${(0,errors/* errorMessage */.g)(error)}`);
            return false;
        }
    }
    /** After the sandbox failed under a task, whether it works again: until then the node claims nothing. */
    async sandboxAnswers() {
        if (!this.sandboxLost)
            return true;
        if (await this.sandbox.unavailable())
            return false;
        this.log.info('the sandbox answers again; claiming');
        this.sandboxLost = false;
        return true;
    }
    /** Builds one commit from the current tip (results, claims, heartbeat) and pushes it; retries on a lost race. */
    async sync(wantsClaims, final = false) {
        const s = this.settings;
        // The last commit of a stopping node does not wait: the runner kills it a few seconds after SIGTERM. A
        // hold gives other nodes their turns, but never so long that this node's heartbeat runs late.
        if (!final) {
            const heartbeatMs = (this.policy?.lease.heartbeat_seconds ?? 60) * 1000;
            await (0,runner/* sleep */.yy)(Math.min(this.pacer.untilTurn(), heartbeatMs / 2), this.stopSignal.signal);
        }
        for (let round = 1; round <= MAX_PUSH_ROUNDS; round++) {
            if (!final && this.budget)
                await this.budget.take(this.stopSignal.signal);
            this.pacer.begin();
            const tip = await this.store.fetch();
            if (tip === null)
                throw new errors/* UserError */.y(`branch "${s.branch}" does not exist in ${s.remote}: run "dgrid init" first`);
            const snapshot = await grid/* GridSnapshot */.T.load(this.store, tip, { states: ['queue', 'in_progress'] });
            const policy = await snapshot.policy();
            this.policy = policy;
            this.budget ??= new PushBudget(effectiveBudget(policy.push_budget_per_minute, s.maxPushesPerMinute));
            if (s.image && !(0,core_policy/* imageAllowed */.WB)(s.image, policy)) {
                throw new errors/* UserError */.y(`image "${s.image}" is not in this grid's allowed_images (${policy.allowed_images.join(', ')})`);
            }
            const now = new Date();
            const changes = [];
            const mine = await this.myClaims(snapshot);
            this.dropLostClaims(mine);
            const committed = [];
            const fenced = [];
            for (const done of this.finished) {
                const held = mine.get(done.claim.task_id);
                if (!held || held.claim.claim.token !== done.claim.claim.token) {
                    fenced.push(done);
                    continue;
                }
                if (done.returned) {
                    changes.push(...(0,lifecycle/* requeueClaim */.d4)(held.path, held.claim, 'returned', done.returned, now).changes);
                }
                else
                    changes.push(...(0,lifecycle/* concludeClaim */.Ih)(held.path, held.claim, done.run, policy));
                const cancel = snapshot.cancels.get(done.claim.task_id);
                if (cancel)
                    changes.push({ path: cancel.path, delete: true });
                committed.push(done);
            }
            // Claims under this node's folder that nothing here runs: when the node stops, those it never
            // started go back (also in a round that began before the stop); otherwise adopt those this process
            // issued (a push that reported an error but landed), and hand back those of an earlier incarnation.
            const adopted = [];
            let handedBack = 0;
            for (const [taskId, held] of mine) {
                if (this.holds(taskId) || this.finished.some((f) => f.claim.task_id === taskId))
                    continue;
                if (final || this.stopReason) {
                    const reason = `node ${s.nodeId} stopped before it started: ${this.stopReason ?? 'max-tasks reached'}`;
                    changes.push(...(0,lifecycle/* requeueClaim */.d4)(held.path, held.claim, 'returned', reason, now).changes);
                    handedBack++;
                }
                else if (this.issuedTokens.has(held.claim.claim.token)) {
                    adopted.push({ ...held, controller: new AbortController() });
                }
                else {
                    const reason = `node ${s.nodeId} restarted`;
                    changes.push(...(0,lifecycle/* requeueClaim */.d4)(held.path, held.claim, 'orphaned', reason, now).changes);
                }
            }
            for (const [taskId, entry] of snapshot.cancels) {
                const running = this.running.get(taskId);
                const waiting = this.waiting.findIndex((w) => w.claim.task_id === taskId);
                if (waiting >= 0) {
                    this.log.info(`${taskId}: cancel requested before it started`);
                    const [held] = this.waiting.splice(waiting, 1);
                    this.finished.push({
                        claim: held.claim,
                        path: held.path,
                        run: (0,lifecycle/* runWithoutOutput */.P0)('cancelled', 'cancelled on request before it started', now),
                        cancelled: true,
                    });
                }
                else if (running && !running.cancelled) {
                    this.log.info(`${taskId}: cancel requested; stopping it`);
                    running.cancelled = true;
                    running.controller.abort();
                }
                else if (!snapshot.byId.has(taskId)) {
                    // Finished or never there: nothing left to cancel.
                    changes.push({ path: entry.path, delete: true });
                }
            }
            const claims = [];
            let rejectedCount = 0;
            let exhausted = false;
            if (wantsClaims && !final && !this.stopReason) {
                const view = { nodeId: s.nodeId, labels: s.labels, firstSeen: this.firstSeen };
                const scan = await scanQueue(snapshot, view, now, policy);
                this.forgetGone(snapshot);
                this.nextEligibleAt = scan.nextEligibleAt;
                for (const bad of scan.rejected.slice(0, MAX_REJECTS_PER_COMMIT)) {
                    this.log.warn(`${bad.file.entry.path} will not run: ${bad.reason}`);
                    changes.push(...(0,lifecycle/* rejectFile */.gF)(bad.file, bad.reason, s.nodeId, now, bad.task, bad.status));
                    if (bad.cancel)
                        changes.push({ path: bad.cancel.path, delete: true });
                    rejectedCount++;
                }
                // Leases and heartbeats start now, not when the round began: reading a big queue may take a while,
                // and a claim that lands with its lease already spent is reaped under a node that is running it.
                const claimedAt = new Date();
                const free = this.capacity(policy, adopted);
                let slots = Math.max(0, this.claimRoom() - adopted.length);
                for (const candidate of scan.claimable) {
                    if (slots === 0)
                        break;
                    const need = resourcesOf(candidate.task, policy);
                    if (need.cpus > free.cpus || need.memoryMb > free.memoryMb)
                        continue; // a smaller task may still fit
                    free.cpus -= need.cpus;
                    free.memoryMb -= need.memoryMb;
                    slots--;
                    const plan = (0,lifecycle/* claimTask */.QK)(candidate.file, candidate.task, s.nodeId, claimedAt, policy);
                    changes.push(...plan.changes);
                    claims.push({ claim: plan.claim, path: plan.changes[1].path, controller: new AbortController() });
                }
                exhausted = claims.length === scan.claimable.length && scan.rejected.length <= MAX_REJECTS_PER_COMMIT;
            }
            const heartbeat = this.heartbeatDue(policy) || this.node === undefined || final;
            if (changes.length === 0 && !heartbeat) {
                this.seenTip = tip;
                this.exhaustedTip = exhausted ? tip : null;
                this.settle(committed, fenced);
                return false;
            }
            const node = await this.nodeRecord(snapshot, new Date(), [...claims, ...adopted], committed, final);
            changes.push((0,lifecycle/* nodeChange */.Rw)(node));
            const message = commitMessage(s.nodeId, claims.length, committed.length, rejectedCount, final);
            const commit = await this.store.commit(tip, changes, message, s.nodeId);
            for (const c of claims)
                this.issuedTokens.add(c.claim.claim.token);
            const outcome = await this.store.push(commit);
            if (outcome === 'rejected') {
                this.report.rejectedPushes++;
                const wait = this.pacer.lostRace(this.leaseAtRisk(policy));
                this.log.debug(`push rejected (round ${round}); rebuilding on the new tip in ${Math.round(wait)} ms`);
                await (0,runner/* sleep */.yy)(wait);
                continue;
            }
            this.pacer.landed();
            if (round > 1 || this.pacer.hold > 0) {
                this.log.debug(`pushed after ${round - 1} lost race(s); holding off ${Math.round(this.pacer.hold)} ms`);
            }
            this.report.pushes++;
            this.report.returned += handedBack;
            this.seenTip = commit;
            // The scan saw the queue before this commit's results and rejections changed what can run next.
            this.exhaustedTip = exhausted && committed.length === 0 && rejectedCount === 0 ? commit : null;
            this.lastHeartbeat = Date.now();
            this.node = node;
            this.settle(committed, fenced);
            for (const c of [...claims, ...adopted])
                this.waiting.push(c);
            this.startWaiting(policy);
            this.claimed += claims.length;
            return claims.length > 0 || committed.length > 0 || rejectedCount > 0;
        }
        this.log.warn(`gave up after ${MAX_PUSH_ROUNDS} rejected pushes in a row; will try again`);
        return false;
    }
    /** CPUs and memory not yet promised to running tasks (or to claims being adopted). */
    capacity(policy, adopted) {
        const free = {
            cpus: this.settings.cpus ?? (0,external_node_os_.availableParallelism)(),
            memoryMb: this.settings.memoryMb ?? Math.floor((0,external_node_os_.totalmem)() / 1024 / 1024),
        };
        for (const { claim } of [...this.running.values(), ...this.waiting, ...adopted]) {
            const need = resourcesOf(claim, policy);
            free.cpus -= need.cpus;
            free.memoryMb -= need.memoryMb;
        }
        return free;
    }
    /** First-seen times are only needed while a task waits in the queue. */
    forgetGone(snapshot) {
        if (this.firstSeen.size <= 2 * snapshot.of('queue').length + 100)
            return;
        const queued = new Set(snapshot.of('queue').map((f) => f.id));
        for (const id of this.firstSeen.keys())
            if (!queued.has(id))
                this.firstSeen.delete(id);
    }
    /** Claims at the tip in this node's folder, by task id. */
    async myClaims(snapshot) {
        const prefix = `tasks/in_progress/${this.settings.nodeId}/`;
        const files = snapshot.of('in_progress').filter((f) => f.entry.path.startsWith(prefix));
        const parsed = await snapshot.readJson(files);
        const mine = new Map();
        for (const [file, value] of parsed) {
            if (validation/* claimValidator */.Rf.is(value) && value.claim.node_id === this.settings.nodeId) {
                mine.set(value.task_id, { claim: value, path: file.entry.path });
            }
        }
        return mine;
    }
    settle(committed, fenced) {
        for (const done of fenced) {
            this.report.fenced++;
            this.log.warn(`result of ${done.claim.task_id} not written: the claim no longer holds this node's token`);
        }
        for (const done of committed) {
            if (done.returned)
                this.report.returned++;
            else {
                if (done.run.status === 'success')
                    this.report.completed++;
                else
                    this.report.failed++;
                this.report.outcomes.push({
                    task_id: done.claim.task_id,
                    status: done.run.status,
                    exit_code: done.run.exitCode,
                    duration_ms: done.run.finishedAt.getTime() - done.run.startedAt.getTime(),
                    attempt: done.claim.claim.attempt,
                });
                this.log.info(`${done.claim.task_id}: ${done.run.status}${done.run.exitCode === null ? '' : ` (exit ${done.run.exitCode})`}`);
            }
        }
        const gone = new Set([...committed, ...fenced]);
        const keep = this.finished.filter((f) => !gone.has(f));
        this.finished.length = 0;
        this.finished.push(...keep);
    }
    async nodeRecord(snapshot, now, started, committed, final) {
        const previous = this.node ?? (await snapshot.node(this.settings.nodeId).catch(() => undefined));
        const results = committed.filter((f) => !f.returned);
        const held = [...this.running.keys(), ...this.waiting.map((w) => w.claim.task_id)];
        const tasks = final ? [] : [...held, ...started.map((r) => r.claim.task_id)];
        return {
            node_id: this.settings.nodeId,
            labels: this.settings.labels,
            slots: this.settings.slots,
            version: version/* VERSION */.x,
            started_at: (0,lifecycle/* iso */.KH)(this.startedAt),
            last_heartbeat: (0,lifecycle/* iso */.KH)(now),
            status: final ? 'offline' : this.stopReason ? 'draining' : 'online',
            tasks: [...new Set(tasks)].sort(),
            completed: (previous?.completed ?? 0) + results.filter((f) => f.run.status === 'success').length,
            failed: (previous?.failed ?? 0) + results.filter((f) => f.run.status !== 'success').length,
        };
    }
    holds(taskId) {
        return this.running.has(taskId) || this.waiting.some((w) => w.claim.task_id === taskId);
    }
    /**
     * Claims the tip no longer gives this node: a reaper took them back while the node was silent (stopped,
     * cut off). Those waiting never start; those running are stopped, as their task runs elsewhere now.
     */
    dropLostClaims(mine) {
        const lost = (entry) => mine.get(entry.claim.task_id)?.claim.claim.token !== entry.claim.claim.token;
        for (const entry of this.waiting.filter(lost)) {
            this.log.warn(`${entry.claim.task_id}: the claim was taken back while this node was silent; not starting it`);
            this.waiting.splice(this.waiting.indexOf(entry), 1);
        }
        for (const entry of [...this.running.values()].filter(lost)) {
            if (entry.controller.signal.aborted)
                continue;
            this.log.warn(`${entry.claim.task_id}: the claim was taken back while this node was silent; stopping it`);
            entry.controller.abort();
        }
    }
    /**
     * Starts waiting claims while slots are free. Not while a heartbeat is due: a node silent that long (a
     * pause, an outage) may have been declared dead and its claims taken back, so the next sync confirms
     * them first, and starts them once its heartbeat lands.
     */
    startWaiting(policy) {
        if (this.heartbeatDue(policy))
            return;
        while (this.running.size < this.settings.slots && this.waiting.length > 0 && !this.stopReason) {
            this.start(this.waiting.shift(), policy);
        }
    }
    start(entry, policy) {
        const { claim } = entry;
        this.running.set(claim.task_id, entry);
        this.log.info(`${claim.task_id}: claimed (attempt ${claim.claim.attempt})`);
        const job = sandboxJob(claim, this.settings, policy);
        void this.sandbox.run(job, entry.controller.signal).then((run) => {
            this.running.delete(claim.task_id);
            const cancelled = entry.cancelled === true;
            if (cancelled)
                run.reason = 'cancelled on request';
            if (run.sandboxLost) {
                this.log.warn(`${claim.task_id}: ${run.sandboxLost}; handing it back, claiming nothing until the sandbox answers`);
                this.sandboxLost = true;
            }
            const stopped = run.status === 'cancelled' && !cancelled;
            const returned = run.sandboxLost ?? (stopped ? `node ${this.settings.nodeId} stopped: ${this.stopReason}` : undefined);
            this.finished.push({ claim, path: entry.path, run, cancelled, ...(returned ? { returned } : {}) });
            this.startWaiting(policy);
            this.wake();
        });
    }
    /** Lets running tasks end (stopped if we are stopping), then commits results, hand-backs and the offline node. */
    async shutdown() {
        while (this.running.size > 0)
            await this.nap(1000);
        for (let attempt = 1; attempt <= 5; attempt++) {
            try {
                await this.sync(false, true);
                if (this.finished.length === 0)
                    return;
            }
            catch (error) {
                if (error instanceof errors/* UserError */.y)
                    throw error;
                this.log.warn(`final sync failed (attempt ${attempt}): ${(0,errors/* errorMessage */.g)(error)}`);
                await (0,runner/* sleep */.yy)(500 * attempt);
            }
        }
        this.log.error(`could not write ${this.finished.length} result(s); the reaper will requeue those tasks`);
    }
}
/** What a task takes from its node: its own request, or the policy's per-task default, never above the policy. */
function resourcesOf(task, policy) {
    return {
        cpus: Math.min(task.resources?.cpus ?? policy.limits.cpus, policy.limits.cpus),
        memoryMb: Math.min(task.resources?.memory_mb ?? policy.limits.memory_mb, policy.limits.memory_mb),
    };
}
function sandboxJob(claim, settings, policy) {
    return {
        taskId: claim.task_id,
        nodeId: settings.nodeId,
        script: claim.script,
        image: (0,core_policy/* effectiveImage */.H2)(claim, policy, settings.image),
        timeoutSeconds: claim.timeout_seconds ?? policy.default_timeout_seconds,
        env: claim.env ?? {},
        ...resourcesOf(claim, policy),
        pids: policy.limits.pids,
        tmpfsMb: policy.limits.tmpfs_mb,
        fileSizeMb: policy.limits.file_size_mb,
        outputCapBytes: policy.output_cap_bytes,
    };
}
function commitMessage(nodeId, claims, results, rejected, final) {
    const parts = [];
    if (claims)
        parts.push(`claim ${claims}`);
    if (results)
        parts.push(`finish ${results}`);
    if (rejected)
        parts.push(`reject ${rejected}`);
    if (final)
        parts.push('go offline');
    if (parts.length === 0)
        parts.push('heartbeat');
    return `dgrid: ${nodeId}: ${parts.join(', ')}\n`;
}
/** A node id unique to this run: the runner or host name plus a random suffix. */
function defaultNodeId() {
    const base = (process.env.RUNNER_NAME || (0,external_node_os_.hostname)()).replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    return `${base.slice(0, 48) || 'node'}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}


/***/ }),

/***/ 9968:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ checkRepositoryUrl),
/* harmony export */   ZR: () => (/* binding */ collectDashboard)
/* harmony export */ });
/* unused harmony export gridHistory */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(643);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(3026);
/* harmony import */ var _core_git_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1482);
/* harmony import */ var _core_git_store_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(475);
/* harmony import */ var _core_grid_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5865);
/* harmony import */ var _core_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2879);
/* harmony import */ var _core_log_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5491);
/* harmony import */ var _core_validation_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(3478);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(2375);
// Builds the dashboard's input from a checkout of the grid. The records are read from git objects at HEAD,
// not from the working tree, so a bare clone works as well and uncommitted edits never show. The time series
// is the branch's own history, the grid's only record of the past: one `git log` pass counting the files each
// commit adds to and deletes from each lifecycle folder, with no state kept between renders.










/** The charts draw a few dozen buckets; more points would only weigh on the page and on status.json. */
const MAX_POINTS = 300;
/** The scaling advice measures rates over the last hour, so that hour keeps a point a minute. */
const RECENT_MS = 60 * 60_000;
const RECENT_STEP_MS = 60_000;
/** Generous: a grid's history can hold hundreds of thousands of commits. */
const GIT_TIMEOUT_MS = 30 * 60_000;
/** A long list of bad files would bury the log; the count says how many there are. */
const MAX_LISTED = 10;
async function collectDashboard(options) {
    const log = options.log ?? _core_log_js__WEBPACK_IMPORTED_MODULE_6__/* .silentLog */ .J;
    const store = await openCheckout(options.path, options.pathSetting);
    const tip = await store.resolve('HEAD');
    if (tip === null) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .y(`${options.pathSetting} is "${options.path}", a repository without commits: check out a grid made with "dgrid init"`);
    }
    const snapshot = await _core_grid_js__WEBPACK_IMPORTED_MODULE_4__/* .GridSnapshot */ .T.load(store, tip);
    const policy = await snapshot.policy();
    const entriesOf = (state) => snapshot.of(state).map((file) => file.entry);
    const files = _core_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .LIFECYCLE */ .VD.flatMap(entriesOf);
    const nodeEntries = [...snapshot.nodeEntries.values()];
    const blobs = await store.readAll([...files, ...nodeEntries].filter((entry) => entry.type === 'blob').map((entry) => entry.sha));
    const skipped = [];
    const read = (entries, validator) => parseRecords(entries, blobs, validator, skipped);
    const queued = read(entriesOf('queue'), _core_validation_js__WEBPACK_IMPORTED_MODULE_7__/* .queuedTaskValidator */ .vZ);
    const running = read(entriesOf('in_progress'), _core_validation_js__WEBPACK_IMPORTED_MODULE_7__/* .claimValidator */ .Rf);
    const completed = read(entriesOf('completed'), _core_validation_js__WEBPACK_IMPORTED_MODULE_7__/* .resultValidator */ .ou);
    const failed = read(entriesOf('failed'), _core_validation_js__WEBPACK_IMPORTED_MODULE_7__/* .resultValidator */ .ou);
    const nodes = read(nodeEntries, _core_validation_js__WEBPACK_IMPORTED_MODULE_7__/* .nodeValidator */ .HF);
    if (skipped.length > 0) {
        const more = skipped.length > MAX_LISTED ? `; and ${skipped.length - MAX_LISTED} more` : '';
        log.warn(`left ${(0,_format_js__WEBPACK_IMPORTED_MODULE_9__/* .plural */ .LS)(skipped.length, 'unreadable record')} off the dashboard: ${skipped.slice(0, MAX_LISTED).join('; ')}${more}`);
    }
    const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now();
    const history = await gridHistory(store, tip);
    log.info(`${tip.slice(0, 12)}: ${files.length} task files, ${nodeEntries.length} nodes; history of ${history.commits} commits ` +
        `read in ${Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_1__.performance.now() - started)} ms (${history.points.length} points)`);
    if ((await (0,_core_git_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .git */ .$Y)(['rev-parse', '--is-shallow-repository'], { cwd: store.options.dir })).trim() === 'true') {
        log.warn(`${options.path} is a shallow clone, so the charts cover only the ${(0,_format_js__WEBPACK_IMPORTED_MODULE_9__/* .plural */ .LS)(history.commits, 'commit')} it holds: ` +
            'clone the whole history (actions/checkout with fetch-depth: 0)');
    }
    return {
        title: options.title,
        generatedAt: new Date(),
        ...(options.repositoryUrl ? { repositoryUrl: options.repositoryUrl } : {}),
        branch: options.branch,
        policy,
        queued,
        running,
        completed,
        failed,
        nodes,
        history: history.points,
    };
}
/** The page links to the repository and sends its submit form there: anything but https would break or leak. */
function checkRepositoryUrl(url, setting) {
    if (!/^https:\/\/[^\s"'<>]+$/.test(url)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .y(`${setting} is "${url}": give the grid's https URL, e.g. https://github.com/owner/grid`);
    }
}
async function openCheckout(path, setting) {
    const fix = `point ${setting} at a checkout of the grid (git clone, or actions/checkout with fetch-depth: 0)`;
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined);
    if (!info?.isDirectory())
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .y(`${setting} is "${path}", which is not a folder: ${fix}`);
    try {
        return await _core_git_store_js__WEBPACK_IMPORTED_MODULE_3__/* .GridStore */ .g.local(path);
    }
    catch (error) {
        if (!(error instanceof _core_git_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS))
            throw error;
        // Git's own words only when they add something, such as a repository owned by another user.
        const said = error.stderr.trim().split('\n')[0] ?? '';
        const detail = /not a git repository/.test(said) ? '' : ` (${said})`;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .y(`${setting} is "${path}", which is not a git repository${detail}: ${fix}`);
    }
}
/** Parses and validates records; the ones that fail are named in `skipped` instead, so one bad file costs one row. */
function parseRecords(entries, blobs, validator, skipped) {
    const records = [];
    for (const entry of entries) {
        const blob = blobs.get(entry.sha);
        if (!blob) {
            skipped.push(`${entry.path}: not a file`);
            continue;
        }
        let value;
        try {
            value = JSON.parse(blob.toString('utf8'));
        }
        catch {
            skipped.push(`${entry.path}: not valid JSON`);
            continue;
        }
        if (validator.is(value))
            records.push(value);
        else
            skipped.push(`${entry.path}: ${validator.problems(value)[0]?.message ?? 'not a valid record'}`);
    }
    return records;
}
/**
 * How many files each lifecycle folder held after each commit of the branch's first-parent history, oldest
 * first, thinned to a few hundred points. A shallow clone's first commit counts as adding its
 * whole tree, so the last point always matches the tip.
 */
async function gridHistory(store, tip) {
    const out = await (0,_core_git_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .git */ .$Y)([
        'log',
        '--first-parent',
        '--reverse',
        '--diff-merges=first-parent',
        '--no-renames',
        '--name-status',
        '-z',
        '--format=@%ct',
        tip,
        '--',
        ..._core_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .LIFECYCLE */ .VD.map(_core_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .lifecycleDir */ .uP),
    ], { cwd: store.options.dir, timeoutMs: GIT_TIMEOUT_MS });
    const counts = { queue: 0, in_progress: 0, completed: 0, failed: 0 };
    const points = [];
    let time;
    const emit = () => {
        if (time === undefined)
            return;
        points.push({
            time: new Date(time),
            queued: counts.queue,
            running: counts.in_progress,
            completed: counts.completed,
            failed: counts.failed,
        });
    };
    // Tokens: "@<committer time>" per commit, then a status letter and a path per changed file.
    const tokens = out.split('\0');
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i].replace(/^\n+/, '');
        if (token.startsWith('@')) {
            emit();
            // Nodes' clocks differ by a little; the history's order is the commits', so time never goes back.
            time = Math.max(time ?? 0, Number(token.slice(1)) * 1000);
        }
        else if (token === 'A' || token === 'D') {
            const located = (0,_core_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .locate */ .x5)(tokens[++i]);
            if (located)
                counts[located.state] += token === 'A' ? 1 : -1;
        }
        else if (token) {
            i++; // a modified file stays where it is
        }
    }
    emit();
    return { points: thin(points), commits: points.length };
}
/**
 * Keeps the last point of each time bucket (the state the bucket ended in), plus the first point as the
 * baseline: MAX_POINTS equal buckets over the span, and no bucket wider than a minute over the last hour.
 */
function thin(points) {
    if (points.length <= MAX_POINTS)
        return points;
    const first = points[0].time.getTime();
    const last = points.at(-1).time.getTime();
    const recentFrom = last - RECENT_MS;
    const width = Math.max(1, (last - first) / MAX_POINTS);
    const recentWidth = Math.min(width, RECENT_STEP_MS);
    const bucket = (point) => {
        const t = point.time.getTime();
        return t > recentFrom ? `recent ${Math.floor((t - recentFrom) / recentWidth)}` : Math.floor((t - first) / width);
    };
    const kept = [points[0]];
    for (let i = 1; i < points.length; i++) {
        const next = points[i + 1];
        if (!next || bucket(next) !== bucket(points[i]))
            kept.push(points[i]);
    }
    return kept;
}


/***/ }),

/***/ 2375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   n4: () => (/* binding */ formatAgo),
/* harmony export */   pe: () => (/* binding */ parseTime)
/* harmony export */ });
// Human formatting shared by the pages and the job summary. Everything is relative to the render time,
// never to the clock, so a render is reproducible; the page script redoes relative times in the browser.
function formatCount(n) {
    return n.toLocaleString('en-US');
}
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '–';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const s = ms / 1000;
    if (s < 60)
        return `${s < 10 ? Math.round(s * 10) / 10 : Math.round(s)} s`;
    const total = Math.round(s);
    const [d, h, m, sec] = [
        Math.floor(total / 86400),
        Math.floor(total / 3600) % 24,
        Math.floor(total / 60) % 60,
        total % 60,
    ];
    if (d > 0)
        return h > 0 ? `${d} d ${h} h` : `${d} d`;
    if (h > 0)
        return m > 0 ? `${h} h ${m} min` : `${h} h`;
    return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
}
function formatAgo(time, now) {
    const diff = now.getTime() - time.getTime();
    if (!Number.isFinite(diff))
        return 'unknown';
    if (Math.abs(diff) < 10_000)
        return 'just now';
    const span = formatSpan(Math.abs(diff));
    return diff > 0 ? `${span} ago` : `in ${span}`;
}
/** A coarse span for "ago" texts: one unit is enough to judge freshness. */
function formatSpan(ms) {
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s} s`;
    if (s < 3600)
        return `${Math.round(s / 60)} min`;
    if (s < 86400)
        return `${Math.round(s / 3600)} h`;
    return `${Math.round(s / 86400)} d`;
}
/** UTC, minute precision: the pages are read from anywhere and exact seconds are in the records. */
function formatTime(time) {
    if (Number.isNaN(time.getTime()))
        return 'unknown';
    return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/** Parses a record's date-time field; undefined when absent or not a date. */
function parseTime(value) {
    if (value === undefined)
        return undefined;
    const time = new Date(value);
    return Number.isNaN(time.getTime()) ? undefined : time;
}
function plural(n, one, many = `${one}s`) {
    return `${formatCount(n)} ${n === 1 ? one : many}`;
}
/** The last meaningful lines of an output stream, short enough for a table cell. */
function excerpt(text, max = 140) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const tail = lines.slice(-2).join(' ⏎ ');
    return tail.length > max ? `…${tail.slice(tail.length - max + 1)}` : tail;
}


/***/ }),

/***/ 5370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  E: () => (/* binding */ renderSite)
});

// UNUSED EXPORTS: detailPath

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./node_modules/eta/dist/index.mjs



//#region src/err.ts
var EtaError = class extends Error {
	constructor(message) {
		super(message);
		this.name = "Eta Error";
	}
};
var EtaParseError = class extends EtaError {
	constructor(message) {
		super(message);
		this.name = "EtaParser Error";
	}
};
var EtaRuntimeError = class extends EtaError {
	constructor(message) {
		super(message);
		this.name = "EtaRuntime Error";
	}
};
var EtaFileResolutionError = class extends EtaError {
	constructor(message) {
		super(message);
		this.name = "EtaFileResolution Error";
	}
};
var EtaNameResolutionError = class extends EtaError {
	constructor(message) {
		super(message);
		this.name = "EtaNameResolution Error";
	}
};
/**
* Throws an EtaError with a nicely formatted error and message showing where in the template the error occurred.
*/
function ParseErr(message, str, indx) {
	const whitespace = str.slice(0, indx).split(/\n/);
	const lineNo = whitespace.length;
	const colNo = whitespace[lineNo - 1].length + 1;
	message += " at line " + lineNo + " col " + colNo + ":\n\n  " + str.split(/\n/)[lineNo - 1] + "\n  " + Array(colNo).join(" ") + "^";
	throw new EtaParseError(message);
}
function RuntimeErr(originalError, str, lineNo, path$1) {
	const lines = str.split("\n");
	const start = Math.max(lineNo - 3, 0);
	const end = Math.min(lines.length, lineNo + 3);
	const filename = path$1;
	const context = lines.slice(start, end).map((line, i) => {
		const curr = i + start + 1;
		return (curr === lineNo ? " >> " : "    ") + curr + "| " + line;
	}).join("\n");
	const err = new EtaRuntimeError((filename ? filename + ":" + lineNo + "\n" : "line " + lineNo + "\n") + context + "\n\n" + originalError.message);
	err.name = originalError.name;
	err.cause = originalError;
	throw err;
}

//#endregion
//#region src/file-handling.ts
function readFile(path$1) {
	let res = "";
	try {
		res = external_node_fs_.readFileSync(path$1, "utf8");
	} catch (err) {
		if (err?.code === "ENOENT") throw new EtaFileResolutionError(`Could not find template: ${path$1}`);
		else throw err;
	}
	return res;
}
function resolvePath(templatePath, options) {
	let resolvedFilePath = "";
	const views = this.config.views;
	if (!views) throw new EtaFileResolutionError("Views directory is not defined");
	const baseFilePath = options?.filepath;
	const defaultExtension = this.config.defaultExtension === void 0 ? ".eta" : this.config.defaultExtension;
	const cacheIndex = JSON.stringify({
		filename: baseFilePath,
		path: templatePath,
		views: this.config.views
	});
	templatePath += external_node_path_.extname(templatePath) ? "" : defaultExtension;
	if (baseFilePath) {
		if (this.config.cacheFilepaths && this.filepathCache[cacheIndex]) return this.filepathCache[cacheIndex];
		if (absolutePathRegExp.exec(templatePath)?.length) {
			const formattedPath = templatePath.replace(/^\/*|^\\*/, "");
			resolvedFilePath = external_node_path_.join(views, formattedPath);
		} else resolvedFilePath = external_node_path_.join(external_node_path_.dirname(baseFilePath), templatePath);
	} else resolvedFilePath = external_node_path_.join(views, templatePath);
	if (dirIsChild(views, resolvedFilePath)) {
		if (baseFilePath && this.config.cacheFilepaths) this.filepathCache[cacheIndex] = resolvedFilePath;
		return resolvedFilePath;
	} else throw new EtaFileResolutionError(`Template '${templatePath}' is not in the views directory`);
}
function dirIsChild(parent, dir) {
	const relative = external_node_path_.relative(parent, dir);
	return relative && !relative.startsWith("..") && !external_node_path_.isAbsolute(relative);
}
const absolutePathRegExp = /^\\|^\//;

//#endregion
//#region src/compile.ts
/* istanbul ignore next */
const AsyncFunction = (async () => {}).constructor;
/**
* Takes a template string and returns a template function that can be called with (data, config)
*
* @param str - The template string
* @param config - A custom configuration object (optional)
*/
function compile(str, options) {
	const config = this.config;
	const ctor = options?.async ? AsyncFunction : Function;
	try {
		return new ctor(config.varName, "options", this.compileToString.call(this, str, options));
	} catch (e) {
		if (e instanceof SyntaxError) throw new EtaParseError("Bad template syntax\n\n" + e.message + "\n" + Array(e.message.length + 1).join("=") + "\n" + this.compileToString.call(this, str, options) + "\n");
		else throw e;
	}
}

//#endregion
//#region src/compile-string.ts
/**
* Compiles a template string to a function string. Most often users just use `compile()`, which calls `compileToString` and creates a new function using the result
*/
function compileToString(str, options) {
	const config = this.config;
	const isAsync = options?.async;
	const compileBody$1 = this.compileBody;
	const buffer = this.parse.call(this, str);
	let res = `${config.functionHeader}
let include = (__eta_t, __eta_d) => this.render(__eta_t, {...${config.varName}, ...(__eta_d ?? {})}, options);
let includeAsync = (__eta_t, __eta_d) => this.renderAsync(__eta_t, {...${config.varName}, ...(__eta_d ?? {})}, options);

let __eta = {res: "", e: this.config.escapeFunction, f: this.config.filterFunction, blocks: {}${config.debug ? ", line: 1, templateStr: \"" + str.replace(/\\|"/g, "\\$&").replace(/\r\n|\n|\r/g, "\\n") + "\"" : ""}};

function layout(path, data) {
  __eta.layout = path;
  __eta.layoutData = data;
}${config.debug ? "try {" : ""}${config.useWith ? "with(" + config.varName + "||{}){" : ""}

function ${config.outputFunctionName}(s){__eta.res+=s;}
function capture(fn){const s=__eta.res;__eta.res='';try{fn();return __eta.res}finally{__eta.res=s;}}
async function captureAsync(fn){const s=__eta.res;__eta.res='';try{await fn();return __eta.res}finally{__eta.res=s;}}
function block(name,fn){if(__eta.layout){if(fn){__eta.blocks[name]=capture(fn);}return '';}const b=${config.varName}.__blocks||{};if(name in b){return b[name];}return fn?capture(fn):'';}
async function blockAsync(name,fn){if(__eta.layout){if(fn){__eta.blocks[name]=await captureAsync(fn);}return '';}const b=${config.varName}.__blocks||{};if(name in b){return b[name];}return fn?await captureAsync(fn):'';}

${compileBody$1.call(this, buffer)}
if (__eta.layout) {
  __eta.res = ${isAsync ? "await includeAsync" : "include"} (__eta.layout, {...${config.varName}, body: __eta.res, ...__eta.layoutData, __blocks: __eta.blocks});
}
${config.useWith ? "}" : ""}${config.debug ? "} catch (e) { this.RuntimeErr(e, __eta.templateStr, __eta.line, options.filepath) }" : ""}
return __eta.res;
`;
	if (config.plugins) for (let i = 0; i < config.plugins.length; i++) {
		const plugin = config.plugins[i];
		if (plugin.processFnString) res = plugin.processFnString(res, config);
	}
	return res;
}
/**
* Loops through the AST generated by `parse` and transform each item into JS calls
*
* **Example**
*
* ```js
* let templateAST = ['Hi ', { val: 'it.name', t: 'i' }]
* compileBody.call(Eta, templateAST)
* // => "__eta.res+='Hi '\n__eta.res+=__eta.e(it.name)\n"
* ```
*/
function compileBody(buff) {
	const config = this.config;
	let i = 0;
	const buffLength = buff.length;
	let returnStr = "";
	for (; i < buffLength; i++) {
		const currentBlock = buff[i];
		if (typeof currentBlock === "string") returnStr += "__eta.res+='" + currentBlock + "';\n";
		else {
			const type = currentBlock.t;
			let content = currentBlock.val || "";
			if (config.debug) returnStr += "__eta.line=" + currentBlock.lineNo + "\n";
			if (type === "r") {
				if (config.autoFilter) content = "__eta.f(" + content + ")";
				returnStr += "__eta.res+=" + content + ";\n";
			} else if (type === "i") {
				if (config.autoFilter) content = "__eta.f(" + content + ")";
				if (config.autoEscape) content = "__eta.e(" + content + ")";
				returnStr += "__eta.res+=" + content + ";\n";
			} else if (type === "e") returnStr += content + "\n";
			else if (Object.hasOwn(config.customTags, type)) returnStr += `__eta.res+=this.config.customTags[${JSON.stringify(type)}](${JSON.stringify(content)},${config.varName});\n`;
		}
	}
	return returnStr;
}

//#endregion
//#region src/utils.ts
/**
* Takes a string within a template and trims it, based on the preceding tag's whitespace control and `config.autoTrim`
*/
function trimWS(str, config, wsLeft, wsRight) {
	let leftTrim;
	let rightTrim;
	if (Array.isArray(config.autoTrim)) {
		leftTrim = config.autoTrim[1];
		rightTrim = config.autoTrim[0];
	} else leftTrim = rightTrim = config.autoTrim;
	if (wsLeft || wsLeft === false) leftTrim = wsLeft;
	if (wsRight || wsRight === false) rightTrim = wsRight;
	if (!rightTrim && !leftTrim) return str;
	if (leftTrim === "slurp" && rightTrim === "slurp") return str.trim();
	if (leftTrim === "_" || leftTrim === "slurp") str = str.trimStart();
	else if (leftTrim === "-" || leftTrim === "nl") str = str.replace(/^(?:\r\n|\n|\r)/, "");
	if (rightTrim === "_" || rightTrim === "slurp") str = str.trimEnd();
	else if (rightTrim === "-" || rightTrim === "nl") str = str.replace(/(?:\r\n|\n|\r)$/, "");
	return str;
}
/**
* A map of special HTML characters to their XML-escaped equivalents
*/
const escMap = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	"\"": "&quot;",
	"'": "&#39;"
};
function replaceChar(s) {
	return escMap[s];
}
/**
* XML-escapes an input value after converting it to a string
*
* @param str - Input value (usually a string)
* @returns XML-escaped string
*/
function XMLEscape(str) {
	const newStr = String(str);
	if (/[&<>"']/.test(newStr)) return newStr.replace(/[&<>"']/g, replaceChar);
	else return newStr;
}

//#endregion
//#region src/config.ts
/** Eta's base (global) configuration */
const defaultConfig = {
	autoEscape: true,
	autoFilter: false,
	autoTrim: [false, "nl"],
	cache: false,
	cacheFilepaths: true,
	customTags: {},
	debug: false,
	escapeFunction: XMLEscape,
	filterFunction: (val) => String(val),
	outputFunctionName: "output",
	functionHeader: "",
	parse: {
		exec: "",
		interpolate: "=",
		raw: "~"
	},
	plugins: [],
	rmWhitespace: false,
	tags: ["<%", "%>"],
	useWith: false,
	varName: "it",
	defaultExtension: ".eta"
};

//#endregion
//#region src/parse.ts
const templateLitReg = /`(?:\\[\s\S]|\${(?:[^{}]|{(?:[^{}]|{[^}]*})*})*}|(?!\${)[^\\`])*`/g;
const singleQuoteReg = /'(?:\\[\s\w"'\\`]|[^\n\r'\\])*?'/g;
const doubleQuoteReg = /"(?:\\[\s\w"'\\`]|[^\n\r"\\])*?"/g;
/** Escape special regular expression characters inside a string */
function escapeRegExp(string) {
	return string.replace(/[.*+\-?^${}()|[\]\\]/g, "\\$&");
}
function getLineNo(str, index) {
	return str.slice(0, index).split("\n").length;
}
function parse(str) {
	const config = this.config;
	let buffer = [];
	let trimLeftOfNextStr = false;
	let lastIndex = 0;
	const parseOptions = config.parse;
	const customTagPrefixes = Object.keys(config.customTags);
	if (config.plugins) for (let i = 0; i < config.plugins.length; i++) {
		const plugin = config.plugins[i];
		if (plugin.processTemplate) str = plugin.processTemplate(str, config);
	}
	if (config.rmWhitespace) str = str.replace(/[\r\n]+/g, "\n").replace(/^\s+|\s+$/gm, "");
	templateLitReg.lastIndex = 0;
	singleQuoteReg.lastIndex = 0;
	doubleQuoteReg.lastIndex = 0;
	function pushString(strng, shouldTrimRightOfString) {
		if (strng) {
			strng = trimWS(strng, config, trimLeftOfNextStr, shouldTrimRightOfString);
			if (strng) {
				strng = strng.replace(/\\|'/g, "\\$&").replace(/\r\n|\n|\r/g, "\\n");
				buffer.push(strng);
			}
		}
	}
	const prefixes = [
		parseOptions.exec,
		parseOptions.interpolate,
		parseOptions.raw,
		...customTagPrefixes
	].reduce((accumulator, prefix) => {
		if (accumulator && prefix) return accumulator + "|" + escapeRegExp(prefix);
		else if (prefix) return escapeRegExp(prefix);
		else return accumulator;
	}, "");
	const parseOpenReg = new RegExp(escapeRegExp(config.tags[0]) + "(-|_)?\\s*(" + prefixes + ")?\\s*", "g");
	const parseCloseReg = new RegExp("'|\"|`|\\/\\*|(\\s*(-|_)?" + escapeRegExp(config.tags[1]) + ")", "g");
	let m;
	while (m = parseOpenReg.exec(str)) {
		const precedingString = str.slice(lastIndex, m.index);
		lastIndex = m[0].length + m.index;
		const wsLeft = m[1];
		const prefix = m[2] || "";
		pushString(precedingString, wsLeft);
		parseCloseReg.lastIndex = lastIndex;
		let closeTag;
		let currentObj = false;
		while (closeTag = parseCloseReg.exec(str)) if (closeTag[1]) {
			const content = str.slice(lastIndex, closeTag.index);
			parseOpenReg.lastIndex = lastIndex = parseCloseReg.lastIndex;
			trimLeftOfNextStr = closeTag[2];
			currentObj = {
				t: prefix === parseOptions.exec ? "e" : prefix === parseOptions.raw ? "r" : prefix === parseOptions.interpolate ? "i" : customTagPrefixes.includes(prefix) ? prefix : "",
				val: content
			};
			break;
		} else {
			const char = closeTag[0];
			if (char === "/*") {
				const commentCloseInd = str.indexOf("*/", parseCloseReg.lastIndex);
				if (commentCloseInd === -1) ParseErr("unclosed comment", str, closeTag.index);
				parseCloseReg.lastIndex = commentCloseInd;
			} else if (char === "'") {
				singleQuoteReg.lastIndex = closeTag.index;
				if (singleQuoteReg.exec(str)) parseCloseReg.lastIndex = singleQuoteReg.lastIndex;
				else ParseErr("unclosed string", str, closeTag.index);
			} else if (char === "\"") {
				doubleQuoteReg.lastIndex = closeTag.index;
				if (doubleQuoteReg.exec(str)) parseCloseReg.lastIndex = doubleQuoteReg.lastIndex;
				else ParseErr("unclosed string", str, closeTag.index);
			} else if (char === "`") {
				templateLitReg.lastIndex = closeTag.index;
				if (templateLitReg.exec(str)) parseCloseReg.lastIndex = templateLitReg.lastIndex;
				else ParseErr("unclosed string", str, closeTag.index);
			}
		}
		if (currentObj) {
			if (config.debug) currentObj.lineNo = getLineNo(str, m.index);
			buffer.push(currentObj);
		} else ParseErr("unclosed tag", str, m.index);
	}
	pushString(str.slice(lastIndex, str.length), false);
	if (config.plugins) for (let i = 0; i < config.plugins.length; i++) {
		const plugin = config.plugins[i];
		if (plugin.processAST) buffer = plugin.processAST(buffer, config);
	}
	return buffer;
}

//#endregion
//#region src/render.ts
function handleCache(template, options) {
	const templateStore = options?.async ? this.templatesAsync : this.templatesSync;
	if (this.resolvePath && this.readFile && !template.startsWith("@")) {
		const templatePath = options.filepath;
		const cachedTemplate = templateStore.get(templatePath);
		if (this.config.cache && cachedTemplate) return cachedTemplate;
		else {
			const templateString = this.readFile(templatePath);
			const templateFn = this.compile(templateString, options);
			if (this.config.cache) templateStore.define(templatePath, templateFn);
			return templateFn;
		}
	} else {
		const cachedTemplate = templateStore.get(template);
		if (cachedTemplate) return cachedTemplate;
		else throw new EtaNameResolutionError(`Failed to get template '${template}'`);
	}
}
function render(template, data, meta) {
	let templateFn;
	const options = {
		...meta,
		async: false
	};
	if (typeof template === "string") {
		if (this.resolvePath && this.readFile && !template.startsWith("@")) options.filepath = this.resolvePath(template, options);
		templateFn = handleCache.call(this, template, options);
	} else templateFn = template;
	return templateFn.call(this, data, options);
}
function renderAsync(template, data, meta) {
	let templateFn;
	const options = {
		...meta,
		async: true
	};
	if (typeof template === "string") {
		if (this.resolvePath && this.readFile && !template.startsWith("@")) options.filepath = this.resolvePath(template, options);
		templateFn = handleCache.call(this, template, options);
	} else templateFn = template;
	const res = templateFn.call(this, data, options);
	return Promise.resolve(res);
}
function renderString(template, data) {
	const templateFn = this.compile(template, { async: false });
	return render.call(this, templateFn, data);
}
function renderStringAsync(template, data) {
	const templateFn = this.compile(template, { async: true });
	return renderAsync.call(this, templateFn, data);
}

//#endregion
//#region src/storage.ts
/**
* Handles storage and accessing of values
*
* In this case, we use it to store compiled template functions
* Indexed by their `name` or `filename`
*/
var Cacher = class {
	constructor(cache) {
		this.cache = cache;
	}
	define(key, val) {
		this.cache[key] = val;
	}
	get(key) {
		return this.cache[key];
	}
	remove(key) {
		delete this.cache[key];
	}
	reset() {
		this.cache = {};
	}
	load(cacheObj) {
		this.cache = {
			...this.cache,
			...cacheObj
		};
	}
};

//#endregion
//#region src/internal.ts
var Eta$1 = class {
	constructor(customConfig) {
		if (customConfig) this.config = {
			...defaultConfig,
			...customConfig
		};
		else this.config = { ...defaultConfig };
		const reserved = [
			this.config.parse.exec,
			this.config.parse.interpolate,
			this.config.parse.raw,
			"-",
			"_"
		];
		for (const prefix of Object.keys(this.config.customTags)) if (reserved.includes(prefix)) throw new EtaError(`Custom tag prefix "${prefix}" conflicts with a built-in prefix`);
	}
	config;
	RuntimeErr = RuntimeErr;
	compile = compile;
	compileToString = compileToString;
	compileBody = compileBody;
	parse = parse;
	render = render;
	renderAsync = renderAsync;
	renderString = renderString;
	renderStringAsync = renderStringAsync;
	filepathCache = {};
	templatesSync = new Cacher({});
	templatesAsync = new Cacher({});
	resolvePath = null;
	readFile = null;
	configure(customConfig) {
		this.config = {
			...this.config,
			...customConfig
		};
	}
	withConfig(customConfig) {
		return {
			...this,
			config: {
				...this.config,
				...customConfig
			}
		};
	}
	loadTemplate(name, template, options) {
		if (typeof template === "string") (options?.async ? this.templatesAsync : this.templatesSync).define(name, this.compile(template, options));
		else {
			let templates = this.templatesSync;
			if (template.constructor.name === "AsyncFunction" || options?.async) templates = this.templatesAsync;
			templates.define(name, template);
		}
	}
};

//#endregion
//#region src/index.ts
var Eta = class extends Eta$1 {
	readFile = readFile;
	resolvePath = resolvePath;
};

//#endregion

//# sourceMappingURL=index.mjs.map
// EXTERNAL MODULE: ./build/src/core/schemas.js + 113 modules
var schemas = __nccwpck_require__(8202);
// EXTERNAL MODULE: ./build/src/core/layout.js
var layout = __nccwpck_require__(2879);
;// CONCATENATED MODULE: ./build/src/dashboard/escape.js
// Task ids, node ids, labels, scripts and outputs come from anyone who can open a pull request, so every
// string reaching a page is escaped. Markup built by this package (chart SVGs) passes through templates
// only as a Markup object, which lets the templates keep a single, always-escaping interpolation tag.
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML and XML content and quoted attribute values. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
/** Markup this package produced itself, already escaped. */
class Markup {
    html;
    constructor(html) {
        this.html = html;
    }
    toString() {
        return this.html;
    }
}
/** The template engine's escape function: everything is text except Markup. */
function escapeValue(value) {
    if (value instanceof Markup)
        return value.html;
    return escapeHtml(value === undefined || value === null ? '' : String(value));
}
/**
 * JSON for a <script type="application/json"> block. Escaping <, > and & keeps `</script>` and `<!--`
 * from ending or bending the block; U+2028 and U+2029 are escaped because older JavaScript parsers treat
 * them as line ends.
 */
function scriptJson(value) {
    const json = JSON.stringify(value) ?? 'null';
    return new Markup(json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// EXTERNAL MODULE: ./build/src/dashboard/format.js
var format = __nccwpck_require__(2375);
;// CONCATENATED MODULE: ./build/src/dashboard/charts.js
// Charts as SVG strings, rendered on the server so the page needs no script and no chart library. Colours
// come from classes the stylesheet maps to its light and dark palettes; the presentation attributes are
// fallbacks for an SVG viewed on its own. Text uses currentColor so it follows the page.


const WIDTH = 400;
const HEIGHT = 220;
const PAD = { left: 44, right: 14, top: 28, bottom: 30 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const COLORS = { ok: '#2da44e', bad: '#d1242f', accent: '#0969da', info: '#8250df', grid: '#8c959f' };
const NICE_WIDTHS_MS = [
    10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
].map((s) => s * 1000);
/**
 * Spreads the history over at most `maxCount` buckets of a round width (5 min, 1 h, ...) ending at the last
 * point. Completed and failed counts in the history are folder sizes, so what finished in a bucket is their
 * growth; shrinking (retention archiving results) counts as nothing.
 */
function bucketHistory(history, maxCount = 24) {
    const first = history[0];
    const last = history.at(-1);
    if (!first || !last || history.length < 2)
        return [];
    const end = last.time.getTime();
    const span = end - first.time.getTime();
    if (!(span > 0))
        return [];
    const width = NICE_WIDTHS_MS.find((w) => w * maxCount >= span) ?? Math.ceil(span / maxCount);
    const count = Math.ceil(span / width);
    const start = end - count * width;
    const buckets = Array.from({ length: count }, (_, i) => ({
        start: start + i * width,
        end: start + (i + 1) * width,
        completed: 0,
        failed: 0,
        queued: -1,
        running: -1,
    }));
    for (let i = 1; i < history.length; i++) {
        const prev = history[i - 1];
        const point = history[i];
        const bucket = buckets[Math.min(count - 1, Math.max(0, Math.floor((point.time.getTime() - start) / width)))];
        bucket.completed += Math.max(0, point.completed - prev.completed);
        bucket.failed += Math.max(0, point.failed - prev.failed);
        bucket.queued = point.queued;
        bucket.running = point.running;
    }
    // A bucket without commits kept the state of the one before it.
    let carried = { queued: first.queued, running: first.running };
    for (const bucket of buckets) {
        if (bucket.queued < 0)
            Object.assign(bucket, carried);
        carried = { queued: bucket.queued, running: bucket.running };
    }
    return buckets;
}
function throughputChart(history, id = 'chart-throughput') {
    const buckets = bucketHistory(history);
    const title = 'Throughput';
    if (buckets.length === 0)
        return emptyChart(id, title, 'No history yet: throughput appears after tasks finish.');
    const per = bucketLabel(buckets);
    const totals = buckets.map((b) => b.completed + b.failed);
    const top = niceCeil(Math.max(...totals));
    const y = (v) => PAD.top + PLOT_H - (v / top) * PLOT_H;
    const slot = PLOT_W / buckets.length;
    const barW = Math.max(1, slot * 0.75);
    const bars = buckets
        .map((b, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        const ok = rect(x, y(b.completed), barW, PAD.top + PLOT_H - y(b.completed), 'ok');
        const bad = rect(x, y(b.completed + b.failed), barW, y(b.completed) - y(b.completed + b.failed), 'bad');
        return ok + bad;
    })
        .join('');
    const completed = sum(buckets.map((b) => b.completed));
    const failed = sum(buckets.map((b) => b.failed));
    const busiest = buckets[totals.indexOf(Math.max(...totals))];
    const desc = `Tasks finished per ${per} from ${span(buckets)}: ${(0,format/* formatCount */.B4)(completed)} completed and ${(0,format/* formatCount */.B4)(failed)} failed ` +
        `in all; the busiest ${per} (ending ${(0,format/* formatTime */.fU)(new Date(busiest.end))}) finished ${(0,format/* formatCount */.B4)(Math.max(...totals))}.`;
    return charts_frame(id, `${title} (tasks per ${per})`, desc, axes(buckets, top, format/* formatCount */.B4) + bars, [
        ['ok', 'completed'],
        ['bad', 'failed'],
    ]);
}
function queueDepthChart(history, id = 'chart-queue') {
    const buckets = bucketHistory(history, 48);
    const title = 'Queue depth';
    if (buckets.length === 0)
        return emptyChart(id, title, 'No history yet: queue depth appears after a few commits.');
    const first = history[0];
    // The first commit's state starts the lines, so even a single bucket draws a line.
    const queued = [first.queued, ...buckets.map((b) => b.queued)];
    const running = [first.running, ...buckets.map((b) => b.running)];
    const top = niceCeil(Math.max(...queued, ...running));
    const t0 = buckets[0].start;
    const t1 = buckets.at(-1).end;
    const times = [first.time.getTime(), ...buckets.map((b) => b.end)];
    const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * PLOT_W;
    const y = (v) => PAD.top + PLOT_H - (v / top) * PLOT_H;
    const line = (values) => values.map((v, i) => `${num(x(times[i]))},${num(y(v))}`).join(' ');
    const area = `<polygon class="fill-accent" fill="${COLORS.accent}" fill-opacity="0.15" points="${num(x(times[0]))},${num(y(0))} ${line(queued)} ${num(PAD.left + PLOT_W)},${num(y(0))}"/>`;
    const paths = area +
        `<polyline class="line-accent" fill="none" stroke="${COLORS.accent}" stroke-width="2" points="${line(queued)}"/>` +
        `<polyline class="line-info" fill="none" stroke="${COLORS.info}" stroke-width="2" stroke-dasharray="5 3" points="${line(running)}"/>`;
    const peak = Math.max(...queued);
    const desc = `Tasks waiting and running from ${span(buckets)}: the queue peaked at ${(0,format/* formatCount */.B4)(peak)} and ends at ` +
        `${(0,format/* formatCount */.B4)(queued.at(-1))}, with ${(0,format/* formatCount */.B4)(running.at(-1))} running at the end.`;
    return charts_frame(id, title, desc, axes(buckets, top, format/* formatCount */.B4) + paths, [
        ['accent', 'queued'],
        ['info', 'running'],
    ]);
}
function successRateChart(history, totals, id = 'chart-success') {
    const finished = totals.completed + totals.failed;
    const overall = finished > 0 ? `${percent(totals.completed / finished)} overall` : 'nothing finished yet';
    const title = `Success rate (${overall})`;
    const all = bucketHistory(history);
    const buckets = all.filter((b) => b.completed + b.failed > 0);
    if (buckets.length === 0)
        return emptyChart(id, title, 'No history yet: the success rate appears after tasks finish.');
    const t0 = all[0].start;
    const t1 = all.at(-1).end;
    const x = (b) => PAD.left + (((b.start + b.end) / 2 - t0) / (t1 - t0)) * PLOT_W;
    const y = (rate) => PAD.top + PLOT_H - rate * PLOT_H;
    const rates = buckets.map((b) => b.completed / (b.completed + b.failed));
    const points = buckets.map((b, i) => `${num(x(b))},${num(y(rates[i]))}`).join(' ');
    const dots = buckets
        .map((b, i) => `<circle class="fill-ok" fill="${COLORS.ok}" cx="${num(x(b))}" cy="${num(y(rates[i]))}" r="2.5"/>`)
        .join('');
    const lowest = Math.min(...rates);
    const worst = buckets[rates.indexOf(lowest)];
    const desc = `Share of finished tasks that succeeded, per ${bucketLabel(all)} from ${span(all)}: ${overall}; the lowest ` +
        `was ${percent(lowest)} in the ${bucketLabel(all)} ending ${(0,format/* formatTime */.fU)(new Date(worst.end))}.`;
    const body = axes(all, 1, (v) => percent(v)) +
        `<polyline class="line-ok" fill="none" stroke="${COLORS.ok}" stroke-width="2" points="${points}"/>` +
        dots;
    return charts_frame(id, title, desc, body, []);
}
const BOX_W = 150;
const BOX_H = 26;
const COL_W = 190;
const ROW_H = 38;
const MAX_GRAPH_NODES = 60;
/**
 * Waiting tasks and what they wait for, left to right: a task sits one column right of its deepest
 * dependency. Hostile input can contain cycles; an edge back into a task being placed is ignored for
 * placement. Large graphs are cut to the first waiting tasks so the picture stays legible.
 */
function dependencyGraph(waiting, stateOf, id = 'chart-deps') {
    const title = 'Dependency graph of waiting tasks';
    if (waiting.length === 0)
        return emptyChart(id, title, 'No task is waiting for another.');
    const shown = [];
    const nodes = new Set();
    for (const task of waiting) {
        const added = [task.id, ...task.dependsOn].filter((n) => !nodes.has(n));
        if (nodes.size + added.length > MAX_GRAPH_NODES && shown.length > 0)
            break;
        shown.push(task);
        added.forEach((n) => nodes.add(n));
    }
    const depsOf = new Map(shown.map((t) => [t.id, t.dependsOn]));
    const layer = new Map();
    const placing = new Set();
    const place = (node) => {
        const known = layer.get(node);
        if (known !== undefined)
            return known;
        if (placing.has(node))
            return -1;
        placing.add(node);
        const deps = depsOf.get(node) ?? [];
        const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(place));
        placing.delete(node);
        layer.set(node, value);
        return value;
    };
    const order = [...nodes];
    order.forEach(place);
    const columns = [];
    for (const node of order)
        (columns[layer.get(node)] ??= []).push(node);
    const row = new Map();
    columns.forEach((column, c) => {
        // Barycentre ordering: a task sits near the average row of its dependencies, which removes most crossings.
        if (c > 0) {
            const weight = (n) => {
                const rows = (depsOf.get(n) ?? []).map((d) => row.get(d)).filter((r) => r !== undefined);
                return rows.length > 0 ? sum(rows) / rows.length : 0;
            };
            column.sort((a, b) => weight(a) - weight(b));
        }
        column.forEach((n, r) => row.set(n, r));
    });
    const rows = Math.max(...columns.map((c) => c.length));
    const width = columns.length * COL_W - (COL_W - BOX_W) + 24;
    const height = rows * ROW_H - (ROW_H - BOX_H) + 24;
    const pos = (n) => ({ x: 12 + layer.get(n) * COL_W, y: 12 + row.get(n) * ROW_H });
    const edges = shown
        .flatMap((task) => task.dependsOn.map((dep) => {
        const from = pos(dep);
        const to = pos(task.id);
        const [x1, y1, x2, y2] = [from.x + BOX_W, from.y + BOX_H / 2, to.x - 6, to.y + BOX_H / 2];
        const bend = Math.max(30, (x2 - x1) / 2);
        return `<path class="edge" fill="none" stroke="${COLORS.grid}" stroke-width="1.5" marker-end="url(#${id}-arrow)" d="M${num(x1)} ${num(y1)} C${num(x1 + bend)} ${num(y1)} ${num(x2 - bend)} ${num(y2)} ${num(x2)} ${num(y2)}"/>`;
    }))
        .join('');
    const boxes = order
        .map((n) => {
        const { x, y } = pos(n);
        const state = stateOf.get(n) ?? 'unknown';
        const label = n.length > 20 ? `${n.slice(0, 19)}…` : n;
        return (`<g class="dep dep-${state}"><title>${escapeHtml(`${n}: ${state}`)}</title>` +
            `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="none" stroke="${COLORS.grid}"${state === 'unknown' ? ' stroke-dasharray="4 3"' : ''}/>` +
            `<text x="${x + 10}" y="${y + 17}" font-size="12" fill="currentColor">${escapeHtml(label)}</text></g>`);
    })
        .join('');
    const cut = waiting.length > shown.length
        ? ` Showing the first ${(0,format/* formatCount */.B4)(shown.length)} of ${(0,format/* formatCount */.B4)(waiting.length)} waiting tasks.`
        : '';
    const desc = `${(0,format/* formatCount */.B4)(shown.length)} waiting tasks and ${(0,format/* formatCount */.B4)(nodes.size - shown.length)} tasks they depend on, ` +
        `arranged left to right in ${(0,format/* formatCount */.B4)(columns.length)} columns; an arrow points from a dependency to the task waiting for it.${cut}`;
    const marker = `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="${COLORS.grid}" class="arrow"/></marker></defs>`;
    return svg(id, title, desc, width, height, marker + edges + boxes, `width="${width}" height="${height}"`);
}
function charts_frame(id, title, desc, body, legend) {
    const keys = legend
        .map(([color, label], i) => {
        const x = PAD.left + i * 90;
        return `<rect class="fill-${color}" fill="${COLORS[color]}" x="${x}" y="6" width="10" height="10" rx="2"/><text x="${x + 14}" y="15" font-size="11" fill="currentColor">${escapeHtml(label)}</text>`;
    })
        .join('');
    return svg(id, title, desc, WIDTH, HEIGHT, keys + body);
}
function emptyChart(id, title, message) {
    const body = `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" font-size="13" fill="currentColor" class="muted">${escapeHtml(message)}</text>`;
    return svg(id, title, message, WIDTH, HEIGHT, body);
}
function svg(id, title, desc, width, height, body, size = '') {
    return (`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}"${size ? ` ${size}` : ''} role="img" ` +
        `aria-labelledby="${id}-title ${id}-desc" id="${id}"><title id="${id}-title">${escapeHtml(title)}</title>` +
        `<desc id="${id}-desc">${escapeHtml(desc)}</desc>${body}</svg>`);
}
/** Horizontal grid lines with value labels, and start, middle and end times below the plot. */
function axes(buckets, top, label) {
    const lines = [0, 0.5, 1]
        .map((f) => {
        const y = num(PAD.top + PLOT_H - f * PLOT_H);
        return (`<line class="grid" x1="${PAD.left}" x2="${PAD.left + PLOT_W}" y1="${y}" y2="${y}" stroke="${COLORS.grid}" stroke-opacity="0.35"/>` +
            `<text x="${PAD.left - 6}" y="${y}" dy="4" text-anchor="end" font-size="11" fill="currentColor">${escapeHtml(label(f * top))}</text>`);
    })
        .join('');
    const t0 = buckets[0].start;
    const t1 = buckets.at(-1).end;
    const times = [
        [t0, 'start', PAD.left],
        [(t0 + t1) / 2, 'middle', PAD.left + PLOT_W / 2],
        [t1, 'end', PAD.left + PLOT_W],
    ]
        .map(([t, anchor, x]) => `<text x="${num(x)}" y="${HEIGHT - 10}" text-anchor="${anchor}" font-size="11" fill="currentColor">${escapeHtml(shortTime(t, t1 - t0))}</text>`)
        .join('');
    return lines + times;
}
function rect(x, y, w, h, color) {
    if (h <= 0)
        return '';
    return `<rect class="fill-${color}" fill="${COLORS[color]}" x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"/>`;
}
function shortTime(t, spanMs) {
    const iso = new Date(t).toISOString();
    return spanMs <= 36 * 3600_000 ? `${iso.slice(11, 16)} UTC` : iso.slice(5, 10);
}
function span(buckets) {
    return `${(0,format/* formatTime */.fU)(new Date(buckets[0].start))} to ${(0,format/* formatTime */.fU)(new Date(buckets.at(-1).end))}`;
}
function bucketLabel(buckets) {
    return (0,format/* formatDuration */.a3)(buckets[0].end - buckets[0].start);
}
/** An even round number at least `value` (and 2), so the axis and its midpoint are whole, readable counts. */
function niceCeil(value) {
    if (!(value > 2))
        return 2;
    const magnitude = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 4, 6, 8, 10].map((m) => m * magnitude).find((v) => v >= value);
}
function percent(fraction) {
    return `${Math.round(fraction * 1000) / 10}%`;
}
function num(v) {
    return String(Math.round(v * 10) / 10);
}
function sum(values) {
    return values.reduce((a, b) => a + b, 0);
}

;// CONCATENATED MODULE: ./build/src/dashboard/client-script.js
// The pages' only script, shipped as assets/dgrid.js. Everything it does is an enhancement: without it the
// pages show the same data as of the render. It is plain ES2017 so it runs in any current browser without a
// build step, and it only ever writes text (textContent), never markup, so data cannot become code.
const CLIENT_SCRIPT = String.raw `(function () {
  'use strict';
  var configElement = document.getElementById('dgrid-config');
  var config = configElement ? JSON.parse(configElement.textContent) : {};

  function formatCount(n) {
    return Number(n).toLocaleString('en-US');
  }

  function span(ms) {
    var s = Math.round(ms / 1000);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.round(s / 60) + ' min';
    if (s < 86400) return Math.round(s / 3600) + ' h';
    return Math.round(s / 86400) + ' d';
  }

  function ago(time, now) {
    var diff = now - time;
    if (isNaN(diff)) return 'unknown';
    if (Math.abs(diff) < 10000) return 'just now';
    return diff > 0 ? span(diff) + ' ago' : 'in ' + span(-diff);
  }

  // The render wrote times relative to when it ran; a page read later should say how old things are now.
  // Durations such as "running for" stay as of the render, like the tables they are in.
  function refreshTimes() {
    var now = Date.now();
    document.querySelectorAll('time[data-relative]').forEach(function (el) {
      el.textContent = ago(Date.parse(el.dateTime), now);
    });
  }
  refreshTimes();
  setInterval(refreshTimes, 30000);

  var filterBox = document.getElementById('filter-box');
  var filter = document.getElementById('task-filter');
  if (filterBox && filter) {
    var filterStatus = document.getElementById('filter-status');
    filterBox.hidden = false;
    filter.addEventListener('input', function () {
      var query = filter.value.trim().toLowerCase();
      var rows = document.querySelectorAll('tr[data-task-id]');
      var shown = 0;
      rows.forEach(function (row) {
        var match = query === '' || row.getAttribute('data-task-id').toLowerCase().indexOf(query) !== -1;
        row.hidden = !match;
        if (match) shown++;
      });
      filterStatus.textContent = query === '' ? '' : formatCount(shown) + ' of ' + formatCount(rows.length) + ' rows match';
    });
  }

  function setCount(key, value) {
    document.querySelectorAll('[data-count="' + key + '"]').forEach(function (el) {
      el.textContent = formatCount(value);
    });
  }

  function refreshCounts() {
    fetch(config.statusUrl, { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('status.json: HTTP ' + response.status);
        return response.json();
      })
      .then(function (status) {
        var counts = status.counts;
        setCount('queued', counts.queued);
        ['high', 'normal', 'low'].forEach(function (p) {
          setCount('queued_' + p, counts.queued_by_priority[p]);
        });
        setCount('in_progress', counts.in_progress);
        setCount('completed', counts.completed);
        setCount('failed', counts.failed);
        setCount('nodes_online', counts.nodes_online);
        setCount('nodes_total', counts.nodes_total);
        setCount('recommended_workers', status.recommended_workers);
        var reason = document.getElementById('recommendation-reason');
        if (reason) reason.textContent = status.recommendation_reason;
        var note = document.getElementById('refresh-note');
        if (note && status.generated_at !== config.generatedAt) {
          note.textContent = 'Counts are from a newer render (' + ago(Date.parse(status.generated_at), Date.now()) +
            '); reload the page to update the tables.';
        }
      })
      .catch(function () {
        // Offline or mid-deploy: keep the counts shown; the next tick tries again.
      });
  }
  if (config.statusUrl) setInterval(refreshCounts, 60000);

  var form = document.getElementById('submit-form');
  if (form) setUpSubmitForm(form);

  function setUpSubmitForm(form) {
    var errorBox = document.getElementById('submit-errors');
    var result = document.getElementById('submit-result');
    form.hidden = false;
    document.getElementById('submit-needs-script').hidden = true;

    function field(name) {
      return form.elements.namedItem(name);
    }
    function text(name) {
      return field(name).value.trim();
    }
    function list(name) {
      return text(name).split(/[\s,]+/).filter(Boolean);
    }
    // Numbers the browser could not parse stay strings, so the schema names the field.
    function number(name) {
      var raw = text(name);
      return raw === '' ? undefined : isNaN(Number(raw)) ? raw : Number(raw);
    }
    function labelOf(name) {
      var label = form.querySelector('label[for="f-' + name + '"]');
      return label ? label.firstChild.textContent.trim() : name;
    }

    function composeTask(problems) {
      var task = {};
      function set(key, value) {
        if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) task[key] = value;
      }
      set('task_id', text('task_id'));
      set('script', field('script').value);
      set('timeout_seconds', number('timeout_seconds'));
      set('priority', text('priority'));
      set('image', text('image'));
      set('max_attempts', number('max_attempts'));
      set('requires', list('requires'));
      set('depends_on', list('depends_on'));
      var resources = {};
      if (number('cpus') !== undefined) resources.cpus = number('cpus');
      if (number('memory_mb') !== undefined) resources.memory_mb = number('memory_mb');
      if (Object.keys(resources).length > 0) task.resources = resources;
      set('not_before', text('not_before'));
      var env = {};
      field('env').value.split(/\r?\n/).forEach(function (line, i) {
        if (line.trim() === '') return;
        var eq = line.indexOf('=');
        if (eq <= 0) problems.push({ name: 'env', message: 'Environment line ' + (i + 1) + ' must look like NAME=value.' });
        else env[line.slice(0, eq).trim()] = line.slice(eq + 1);
      });
      if (Object.keys(env).length > 0) task.env = env;
      set('description', text('description'));
      return task;
    }

    function describe(error) {
      var parts = error.instancePath.split('/').filter(Boolean);
      var name = parts.length === 0 && error.keyword === 'required' ? error.params.missingProperty : parts[0];
      if (name === 'resources') name = parts[1];
      if (!name || !field(name)) return { name: 'task_id', message: 'The task ' + error.message + '.' };
      var label = labelOf(name);
      if (error.keyword === 'required') return { name: name, message: label + ' is required.' };
      if (name === 'task_id' && error.keyword === 'pattern') {
        return { name: name, message: label + ' must start with a letter or digit and use only letters, digits, dot, underscore and dash (at most 128 characters).' };
      }
      if (error.keyword === 'propertyNames') {
        return { name: name, message: 'Environment names must be upper case (A-Z, 0-9, _) and not PATH, HOME or LD_*; "' + error.params.propertyName + '" is not allowed.' };
      }
      if (error.keyword === 'anyOf' || error.keyword === 'enum') return { name: name, message: label + ' must be one of the listed values.' };
      if (error.keyword === 'format') return { name: name, message: label + ' must be an RFC 3339 date-time such as 2030-01-31T12:00:00Z.' };
      return { name: name, message: label + ' ' + error.message + '.' };
    }

    // The policy checks of the CLI's validate command, for the limits the schema cannot know.
    function policyProblems(task) {
      var problems = [];
      var policy = config.policy;
      function atMost(name, value, limit, unit) {
        if (typeof value === 'number' && value > limit) {
          problems.push({ name: name, message: labelOf(name) + ' must be at most ' + limit + unit + ' on this grid.' });
        }
      }
      atMost('timeout_seconds', task.timeout_seconds, policy.max_timeout_seconds, ' seconds');
      atMost('max_attempts', task.max_attempts, policy.max_attempts, '');
      atMost('cpus', task.resources && task.resources.cpus, policy.limits.cpus, '');
      atMost('memory_mb', task.resources && task.resources.memory_mb, policy.limits.memory_mb, ' MB');
      if (task.image !== undefined && task.image !== policy.default_image && policy.allowed_images.indexOf(task.image) === -1) {
        problems.push({ name: 'image', message: 'This grid does not allow that image; pick one from the list.' });
      }
      if (new TextEncoder().encode(task.script).length > 65536) {
        problems.push({ name: 'script', message: 'Script is over 64 KiB; ship data some other way.' });
      }
      return problems;
    }

    function clearProblems() {
      errorBox.hidden = true;
      errorBox.querySelector('ul').textContent = '';
      form.querySelectorAll('[aria-invalid]').forEach(function (el) {
        el.removeAttribute('aria-invalid');
      });
      form.querySelectorAll('.field-error').forEach(function (el) {
        el.textContent = '';
        el.hidden = true;
      });
    }

    function showProblems(problems) {
      var listElement = errorBox.querySelector('ul');
      problems.forEach(function (problem) {
        var input = field(problem.name);
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = '#f-' + problem.name;
        link.textContent = problem.message;
        item.appendChild(link);
        listElement.appendChild(item);
        input.setAttribute('aria-invalid', 'true');
        var inline = document.getElementById('f-' + problem.name + '-error');
        inline.textContent = inline.textContent ? inline.textContent + ' ' + problem.message : problem.message;
        inline.hidden = false;
      });
      errorBox.hidden = false;
      errorBox.focus();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearProblems();
      result.hidden = true;
      var problems = [];
      var fork = text('fork');
      if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(fork)) {
        problems.push({ name: 'fork', message: 'Your fork must look like owner/repository.' });
      }
      var task = composeTask(problems);
      var validate = window.dgridValidateTask;
      var errors = typeof validate === 'function' ? validate(task) : [{ instancePath: '', keyword: 'load', params: {}, message: 'could not be checked: the validator did not load' }];
      errors.forEach(function (error) {
        // As in the CLI: union branches and the parts of propertyNames repeat what their parent says.
        if (error.keyword === 'const' || error.keyword === 'not' || /\/propertyNames\//.test(error.schemaPath || '')) return;
        var problem = describe(error);
        var seen = problems.some(function (p) {
          return p.name === problem.name && p.message === problem.message;
        });
        if (!seen) problems.push(problem);
      });
      if (errors.length === 0) problems = problems.concat(policyProblems(task));
      if (problems.length > 0) {
        showProblems(problems);
        return;
      }
      var json = JSON.stringify(task, null, 2) + '\n';
      var branch = config.branch.split('/').map(encodeURIComponent).join('/');
      var url = 'https://github.com/' + fork + '/new/' + branch + '?filename=tasks/queue/' + encodeURIComponent(task.task_id) +
        '.json&value=' + encodeURIComponent(json);
      document.getElementById('submit-json').textContent = json;
      var link = document.getElementById('submit-link');
      link.href = url;
      result.hidden = false;
      // GitHub refuses very long URLs; a long script has to be pasted by hand.
      if (url.length > 8000) {
        document.getElementById('submit-message').textContent =
          'This task is too long to pass to GitHub in a link. Copy the JSON below into a new file tasks/queue/' + task.task_id + '.json in your fork.';
        link.href = 'https://github.com/' + fork + '/new/' + branch + '?filename=tasks/queue/' + encodeURIComponent(task.task_id) + '.json';
        result.focus();
        return;
      }
      document.getElementById('submit-message').textContent = 'The task is valid. Opening GitHub to create the file in your fork…';
      result.focus();
      window.location.assign(url);
    });
  }
})();
`;

;// CONCATENATED MODULE: ./build/src/dashboard/facts.js

const facts_PRIORITIES = ['high', 'normal', 'low'];
function priorityOf(task) {
    return task.priority ?? 'normal';
}
function facts_liveness(node, input) {
    if (node.status !== 'online')
        return node.status;
    const heartbeat = (0,format/* parseTime */.pe)(node.last_heartbeat);
    const timeoutMs = input.policy.lease.node_timeout_seconds * 1000;
    if (!heartbeat || input.generatedAt.getTime() - heartbeat.getTime() > timeoutMs)
        return 'unresponsive';
    return 'online';
}
function onlineNodes(input) {
    return input.nodes.filter((node) => facts_liveness(node, input) === 'online');
}
/** Queued tasks whose required labels no single online node carries: nobody can claim them now. */
function unrunnableTasks(input) {
    const labelSets = onlineNodes(input).map((node) => new Set(node.labels));
    const known = new Set(labelSets.flatMap((labels) => [...labels]));
    const result = [];
    for (const task of input.queued) {
        const requires = task.requires ?? [];
        if (requires.length === 0)
            continue;
        if (labelSets.some((labels) => requires.every((label) => labels.has(label))))
            continue;
        result.push({ task, missing: requires.filter((label) => !known.has(label)) });
    }
    return result;
}

;// CONCATENATED MODULE: ./build/src/dashboard/styles.js
// The stylesheet, shipped as assets/dgrid.css. Colours are custom properties with a light and a dark set
// (prefers-color-scheme); text colours on tinted backgrounds were picked for WCAG AA contrast in both.
const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #f6f7f9;
  --surface: #ffffff;
  --surface-2: #f0f2f5;
  --text: #1c2128;
  --muted: #57606a;
  --border: #d5dae0;
  --accent: #0a5fc2;
  --focus: #0a5fc2;
  --ok: #1a7f37;
  --ok-text: #116329;
  --bad: #cf222e;
  --bad-text: #a40e26;
  --warn: #bf8700;
  --warn-text: #7d4e00;
  --info: #8250df;
  --info-text: #6639ba;
  --neutral-text: #57606a;
  --shadow: 0 1px 2px rgb(27 31 36 / 6%), 0 1px 8px rgb(27 31 36 / 4%);
  --radius: 10px;
  --mono: ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --surface: #161b22;
    --surface-2: #1c222b;
    --text: #e6edf3;
    --muted: #9ea7b3;
    --border: #30363d;
    --accent: #6cb6ff;
    --focus: #6cb6ff;
    --ok: #3fb950;
    --ok-text: #56d364;
    --bad: #f85149;
    --bad-text: #ff8182;
    --warn: #d29922;
    --warn-text: #e3b341;
    --info: #a371f7;
    --info-text: #c297ff;
    --neutral-text: #9ea7b3;
    --shadow: none;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif;
}
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
main:focus { outline: none; }
code, pre, .mono, .task-id { font-family: var(--mono); font-size: 0.875em; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 0.5rem; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.2rem; }
h3 { font-size: 1rem; }
p { margin: 0 0 0.75rem; }
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.wrap { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
.skip-link {
  position: absolute; left: 0.5rem; top: -3rem; z-index: 10; padding: 0.5rem 1rem;
  background: var(--surface); color: var(--accent); border: 2px solid var(--focus); border-radius: 6px;
}
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
.header-inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.25rem 1rem; padding-top: 0.6rem; padding-bottom: 0.6rem; }
.brand { display: inline-flex; align-items: center; gap: 0.5rem; font-weight: 650; color: var(--text); text-decoration: none; overflow-wrap: anywhere; }
.brand-mark { width: 1.1rem; height: 1.1rem; border-radius: 4px; flex: none; background: linear-gradient(135deg, var(--accent), var(--info)); }
.nav { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.nav a { display: block; padding: 0.35rem 0.7rem; border-radius: 6px; color: var(--muted); text-decoration: none; }
.nav a:hover { color: var(--text); background: var(--surface-2); }
.nav a[aria-current='page'] { color: var(--text); background: var(--surface-2); font-weight: 600; }
main.wrap { display: block; padding-top: 1.5rem; padding-bottom: 2.5rem; }
.page-head { margin-bottom: 1.25rem; }
.lede { color: var(--muted); }
.notice:empty { display: none; }
.notice { padding: 0.6rem 0.9rem; border-radius: 8px; background: var(--surface); border: 1px solid var(--border); border-left: 4px solid var(--accent); }
section { margin: 0 0 2rem; }
.section-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; margin-bottom: 0.6rem; }
.section-head h2 { margin: 0; }
.section-head .count { color: var(--muted); font-weight: 400; font-size: 0.95rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 0.75rem; list-style: none; margin: 0; padding: 0; }
.card {
  display: flex; flex-direction: column; gap: 0.15rem; padding: 0.9rem 1rem; min-width: 0;
  background: var(--surface); border: 1px solid var(--border); border-top: 4px solid var(--border);
  border-radius: var(--radius); box-shadow: var(--shadow);
}
.card-label { color: var(--muted); font-size: 0.85rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.card-value { font-size: 1.9rem; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; }
.card-detail { color: var(--muted); font-size: 0.85rem; }
.card-queued { border-top-color: var(--accent); }
.card-running { border-top-color: var(--info); }
.card-completed { border-top-color: var(--ok); }
.card-failed { border-top-color: var(--bad); }
.card-nodes { border-top-color: var(--warn); }
.card-workers { grid-column: 1 / -1; border-top-color: var(--accent); }
.card-workers .card-detail { font-size: 0.9rem; color: var(--text); }
.panel { padding: 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.panel-warn { border-left: 4px solid var(--warn); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0.75rem; }
figure { margin: 0; }
.chart-card { padding: 0.75rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); min-width: 0; }
.chart-card figcaption { font-weight: 600; margin-bottom: 0.25rem; }
svg.chart { display: block; width: 100%; height: auto; color: var(--text); }
.graph-wrap svg.chart { width: auto; max-width: none; }
svg .fill-ok { fill: var(--ok); }
svg .fill-bad { fill: var(--bad); }
svg .fill-accent { fill: var(--accent); }
svg .fill-info { fill: var(--info); }
svg .line-ok { stroke: var(--ok); }
svg .line-accent { stroke: var(--accent); }
svg .line-info { stroke: var(--info); }
svg .grid, svg .edge { stroke: var(--muted); }
svg .arrow { fill: var(--muted); }
svg .muted { fill: var(--muted); }
svg .dep rect { fill: var(--surface); stroke: var(--border); stroke-width: 1.5; }
svg .dep-completed rect { stroke: var(--ok); }
svg .dep-failed rect { stroke: var(--bad); }
svg .dep-running rect { stroke: var(--info); }
svg .dep-queued rect { stroke: var(--muted); }
svg .dep-unknown rect { stroke: var(--warn); }
.scroll, .table-wrap, .graph-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.graph-wrap { padding: 0.5rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
table { width: 100%; border-collapse: separate; border-spacing: 0; font-size: 0.9rem; }
caption { text-align: left; padding: 0.6rem 0.75rem; color: var(--muted); }
th, td { padding: 0.5rem 0.75rem; text-align: left; vertical-align: baseline; border-bottom: 1px solid var(--border); }
thead th { position: sticky; top: 0; background: var(--surface-2); font-size: 0.8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; white-space: nowrap; }
tbody tr:last-child > * { border-bottom: 0; }
tbody tr:hover { background: var(--surface-2); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
/* Cells keep to one line and a table scrolls sideways on a phone (with the task column pinned there)
   rather than squeezing every column into a tower of broken words. */
td { white-space: nowrap; }
tbody th[scope='row'] { min-width: min(11rem, 42vw); max-width: 20rem; overflow-wrap: anywhere; }
.task-id { font-weight: 600; }
.version { font-weight: 400; font-size: 0.8rem; color: var(--muted); }
td.excerpt { font-family: var(--mono); font-size: 0.8rem; color: var(--muted); white-space: normal; overflow-wrap: anywhere; min-width: 16rem; max-width: 36rem; }
td.wrap { white-space: normal; overflow-wrap: anywhere; min-width: 12rem; }
.empty { padding: 1rem; color: var(--muted); }
.more { font-size: 0.95rem; }
.badge {
  display: inline-block; padding: 0.05rem 0.55rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600;
  line-height: 1.5; white-space: nowrap; border: 1px solid currentColor;
}
.tone-ok { color: var(--ok-text); background: color-mix(in srgb, var(--ok) 12%, transparent); }
.tone-bad { color: var(--bad-text); background: color-mix(in srgb, var(--bad) 12%, transparent); }
.tone-warn { color: var(--warn-text); background: color-mix(in srgb, var(--warn) 14%, transparent); }
.tone-info { color: var(--info-text); background: color-mix(in srgb, var(--info) 12%, transparent); }
.tone-neutral { color: var(--neutral-text); background: color-mix(in srgb, var(--muted) 10%, transparent); }
.chips { display: flex; flex-wrap: nowrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.chip { padding: 0 0.45rem; border-radius: 6px; background: var(--surface-2); border: 1px solid var(--border); font-family: var(--mono); font-size: 0.78rem; overflow-wrap: anywhere; }
.chip-missing { border-color: var(--warn); color: var(--warn-text); }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
.meter { display: inline-block; width: 3.5rem; height: 0.45rem; margin-left: 0.4rem; vertical-align: middle; border-radius: 999px; background: var(--surface-2); border: 1px solid var(--border); overflow: hidden; }
.meter > span { display: block; height: 100%; background: var(--info); }
.filter { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; margin: 0 0 1.25rem; }
.filter label { font-weight: 600; }
.filter p { margin: 0; color: var(--muted); }
input, select, textarea { font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.45rem 0.6rem; max-width: 100%; }
input[type='search'] { width: 18rem; }
textarea { width: 100%; font-family: var(--mono); font-size: 0.9rem; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline-offset: 0; }
[aria-invalid='true'] { border-color: var(--bad); border-width: 2px; }
.pager { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; padding: 0; margin: 0.75rem 0; }
.pager a, .pager span { display: inline-block; min-width: 2.2rem; padding: 0.3rem 0.6rem; text-align: center; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); text-decoration: none; }
.pager [aria-current='page'] { background: var(--accent); border-color: var(--accent); color: var(--surface); font-weight: 600; }
.breadcrumb ol { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0 0 0.75rem; color: var(--muted); font-size: 0.9rem; }
.breadcrumb li + li::before { content: '/'; margin-right: 0.25rem; color: var(--muted); }
.breadcrumb [aria-current='page'] { overflow-wrap: anywhere; }
.task-title { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; overflow-wrap: anywhere; }
.task-title .task-id { font-size: 1.4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.25rem; margin: 0 0 1.5rem; padding: 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
.facts dt { color: var(--muted); font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
pre.code {
  margin: 0 0 1.25rem; padding: 0.75rem 1rem; max-height: 28rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere;
  background: var(--surface); border: 1px solid var(--border); border-radius: 8px; line-height: 1.45;
}
.stream-meta { color: var(--muted); font-size: 0.85rem; overflow-wrap: anywhere; }
.form { display: grid; gap: 1rem; max-width: 46rem; }
.form-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; }
.field { display: flex; flex-direction: column; gap: 0.3rem; min-width: 0; }
.field label { font-weight: 600; }
.hint { color: var(--muted); font-size: 0.85rem; margin: 0; }
.field-error { color: var(--bad-text); font-size: 0.9rem; font-weight: 600; margin: 0; }
.error-summary { padding: 1rem; border: 2px solid var(--bad); border-radius: var(--radius); background: var(--surface); }
.error-summary h2 { color: var(--bad-text); }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--bad-text); }
.result { padding: 1rem; border: 2px solid var(--ok); border-radius: var(--radius); background: var(--surface); }
.button {
  justify-self: start; padding: 0.6rem 1.2rem; border: 0; border-radius: 8px; cursor: pointer;
  background: var(--accent); color: var(--surface); font: inherit; font-weight: 600;
}
.button:hover { filter: brightness(1.08); }
.site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.875rem; padding: 1rem 0 2rem; }
.site-footer p { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 600px) {
  .wrap { padding: 0 0.75rem; }
  h1 { font-size: 1.35rem; }
  .card-value { font-size: 1.5rem; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  th, td { padding: 0.45rem 0.5rem; }
  tbody th[scope='row'] { position: sticky; left: 0; z-index: 1; background: var(--surface); box-shadow: inset -1px 0 0 var(--border); }
  tbody tr:hover th[scope='row'] { background: var(--surface-2); }
  input[type='search'] { width: 100%; }
  .facts { grid-template-columns: 1fr; gap: 0.1rem; }
  .facts dd { margin-bottom: 0.5rem; }
}
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
`;

;// CONCATENATED MODULE: ./build/src/dashboard/scaling.js
// How many workers a grid owner should run now. The model is deliberately simple so its reason fits in one
// sentence: enough slots to absorb new arrivals and clear the current backlog within a target time, at the
// pace one slot has actually been finishing tasks.


/** A claim costs a fetch, a commit and a push before the task starts; a few seconds on GitHub. */
const CLAIM_OVERHEAD_MS = 5000;
const RECENT_RESULTS = 100;
function recommendWorkers(input, options = {}) {
    const { min = 1, max = 20, drainMinutes = 15, windowMinutes = 60 } = options;
    const queued = input.queued.length;
    const running = input.running.length;
    const slotsPerWorker = median(onlineNodes(input).map((node) => node.slots)) ?? 1;
    if (queued === 0 && running === 0) {
        return {
            workers: 0,
            reason: 'Nothing is queued or running, so no workers are needed.',
            arrivalsPerMinute: 0,
            perSlotPerMinute: 0,
            slotsPerWorker,
        };
    }
    const rates = historyRates(input.history, windowMinutes);
    const arrivalsPerMinute = rates?.arrivalsPerMinute ?? 0;
    // Durations of recent results measure the work itself; the history only samples running counts at commits,
    // so it is the fallback for grids whose results were archived.
    const pace = durationPace(input) ?? measuredPace(rates, windowMinutes) ?? assumedPace(input);
    const demand = arrivalsPerMinute + queued / drainMinutes;
    // A task runs on one slot, so slots beyond the tasks there are to run would sit idle.
    const tasks = queued + running + Math.ceil(arrivalsPerMinute * drainMinutes);
    const slots = Math.max(Math.min(Math.ceil(demand / pace.perSlotPerMinute), tasks), running);
    const needed = Math.ceil(slots / slotsPerWorker);
    const workers = Math.min(max, Math.max(min, needed));
    const state = queued === 0
        ? `Nothing is queued and ${(0,format/* formatCount */.B4)(running)} running`
        : `${(0,format/* formatCount */.B4)(queued)} queued and ${(0,format/* formatCount */.B4)(running)} running`;
    const arriving = arrivalsPerMinute > 0 ? ` and about ${frequency(arrivalsPerMinute, 'new tasks')} arrive` : '';
    const fleet = `${workers} ${workers === 1 ? 'worker' : 'workers'} with ${slotsPerWorker} ${slotsPerWorker === 1 ? 'slot' : 'slots'} each`;
    const goal = queued === 0 ? 'keep up' : `clear the queue in about ${drainMinutes} minutes`;
    const cap = needed > max ? ` (capped from ${needed})` : '';
    const speed = pace.perSlotPerMinute >= 1
        ? `a slot finishes about ${frequency(pace.perSlotPerMinute, 'tasks')}`
        : `a slot takes about ${(0,format/* formatDuration */.a3)(60_000 / pace.perSlotPerMinute)} per task`;
    const reason = `${state}; ${speed} (${pace.source})${arriving}, so ${fleet}${cap} would ${goal}.`;
    return { workers, reason, arrivalsPerMinute, perSlotPerMinute: pace.perSlotPerMinute, slotsPerWorker };
}
/** Arrival and completion rates over the last window of the history; undefined with under a minute of it. */
function historyRates(history, windowMinutes) {
    const last = history.at(-1);
    if (!last)
        return undefined;
    const start = last.time.getTime() - windowMinutes * 60_000;
    const points = history.filter((point) => point.time.getTime() >= start);
    const first = points[0];
    const minutes = (last.time.getTime() - first.time.getTime()) / 60_000;
    if (minutes < 1)
        return undefined;
    const total = (p) => p.queued + p.running + p.completed + p.failed;
    const done = (p) => p.completed + p.failed;
    // Retention archives results, which shrinks the totals; that is not negative work.
    return {
        arrivalsPerMinute: Math.max(0, total(last) - total(first)) / minutes,
        finishesPerMinute: Math.max(0, done(last) - done(first)) / minutes,
        averageRunning: points.reduce((sum, p) => sum + p.running, 0) / points.length,
    };
}
function measuredPace(rates, windowMinutes) {
    if (!rates || rates.finishesPerMinute === 0 || rates.averageRunning < 1)
        return undefined;
    return {
        perSlotPerMinute: rates.finishesPerMinute / rates.averageRunning,
        source: `measured over the last ${windowMinutes} minutes`,
    };
}
function durationPace(input) {
    const recent = [...input.completed, ...input.failed]
        .map((result) => ({ finished: (0,format/* parseTime */.pe)(result.finished_at)?.getTime() ?? 0, duration: result.duration_ms }))
        .sort((a, b) => b.finished - a.finished)
        .slice(0, RECENT_RESULTS)
        .map((r) => r.duration);
    const typical = median(recent);
    if (typical === undefined)
        return undefined;
    return {
        perSlotPerMinute: 60_000 / (typical + CLAIM_OVERHEAD_MS),
        source: `from a typical duration of ${(0,format/* formatDuration */.a3)(typical)} plus claiming`,
    };
}
function assumedPace(input) {
    const timeoutMs = input.policy.default_timeout_seconds * 1000;
    return {
        perSlotPerMinute: 60_000 / (timeoutMs + CLAIM_OVERHEAD_MS),
        source: `assuming tasks use the ${(0,format/* formatDuration */.a3)(timeoutMs)} default timeout, as none has finished yet`,
    };
}
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
/** "2.5 tasks a minute" or, for slow rates, "12 tasks an hour", so small rates do not round to zero. */
function frequency(perMinute, noun) {
    const [count, unit] = perMinute >= 1
        ? [perMinute >= 10 ? Math.round(perMinute) : Math.round(perMinute * 10) / 10, 'a minute']
        : [Math.max(1, Math.round(perMinute * 60)), 'an hour'];
    return `${(0,format/* formatCount */.B4)(count)} ${count === 1 ? noun.replace(/s$/, '') : noun} ${unit}`;
}

;// CONCATENATED MODULE: ./build/src/dashboard/summary.js
// The numbers the render-dashboard action outputs and writes to its job summary.



function summarize(input, scaling) {
    const queuedByPriority = { high: 0, normal: 0, low: 0 };
    for (const task of input.queued)
        queuedByPriority[priorityOf(task)]++;
    const recommendation = recommendWorkers(input, scaling);
    return {
        counts: {
            queued: input.queued.length,
            queuedByPriority,
            inProgress: input.running.length,
            completed: input.completed.length,
            failed: input.failed.length,
            nodesOnline: onlineNodes(input).length,
        },
        recommendedWorkers: recommendation.workers,
        recommendationReason: recommendation.reason,
    };
}
/** A job summary stays readable (and under GitHub's 1 MiB limit) with the busiest nodes only. */
const SUMMARY_NODES = 50;
/** GitHub-flavoured Markdown for the job summary: the counts and a table of nodes. */
function summaryMarkdown(summary, input) {
    const c = summary.counts;
    const byPriority = PRIORITIES.map((p) => `${p} ${formatCount(c.queuedByPriority[p])}`).join(', ');
    const lines = [
        `## ${md(input.title)}`,
        '',
        '| Queued | In progress | Completed | Failed | Nodes online | Recommended workers |',
        '| ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ${formatCount(c.queued)} (${byPriority}) | ${formatCount(c.inProgress)} | ${formatCount(c.completed)} | ${formatCount(c.failed)} | ${formatCount(c.nodesOnline)} of ${formatCount(input.nodes.length)} | ${summary.recommendedWorkers} |`,
        '',
        `${md(summary.recommendationReason)}`,
        '',
    ];
    if (input.nodes.length > 0) {
        const busy = new Map();
        for (const claim of input.running)
            busy.set(claim.claim.node_id, (busy.get(claim.claim.node_id) ?? 0) + 1);
        const nodes = [...input.nodes].sort((a, b) => order(a, input) - order(b, input) || a.node_id.localeCompare(b.node_id));
        lines.push('### Nodes', '', '| Node | Status | Last heartbeat | Labels | Slots in use | Completed | Failed |', '| --- | --- | --- | --- | ---: | ---: | ---: |', ...nodes.slice(0, SUMMARY_NODES).map((node) => {
            const heartbeat = parseTime(node.last_heartbeat);
            const labels = node.labels.length > 0 ? node.labels.map((l) => `\`${code(l)}\``).join(' ') : '–';
            return `| \`${code(node.node_id)}\` | ${liveness(node, input)} | ${heartbeat ? formatAgo(heartbeat, input.generatedAt) : 'unknown'} | ${labels} | ${busy.get(node.node_id) ?? 0} / ${node.slots} | ${formatCount(node.completed)} | ${formatCount(node.failed)} |`;
        }));
        if (nodes.length > SUMMARY_NODES)
            lines.push('', `…and ${formatCount(nodes.length - SUMMARY_NODES)} more nodes on the dashboard.`);
        lines.push('');
    }
    return lines.join('\n');
}
const LIVENESS_ORDER = { online: 0, unresponsive: 1, draining: 2, offline: 3 };
function order(node, input) {
    return LIVENESS_ORDER[liveness(node, input)];
}
/**
 * Text for Markdown: HTML-escaped (GitHub renders HTML in summaries) and with Markdown's punctuation
 * backslash-escaped, on one line so it cannot break out of a table row or heading.
 */
function md(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c])
        .replace(/[\\`*_{}[\]()#+!|~-]/g, '\\$&');
}
/** Text inside a code span in a table: backticks and pipes cannot be escaped there, so they are replaced. */
function code(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/`/g, "'")
        .replace(/\|/g, '¦');
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __nccwpck_require__(2463);
// EXTERNAL MODULE: ./node_modules/ajv/dist/standalone/index.js
var standalone = __nccwpck_require__(1398);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __nccwpck_require__(6214);
;// CONCATENATED MODULE: ./build/src/dashboard/task-validator.js
// The submit form checks a task in the browser against TaskSchema itself: ajv compiles the schema into
// standalone validation code at render time, and that code is shipped as a plain script. The two runtime
// helpers it needs (its require() calls and the date-time format) are shipped as the source of the very
// functions Node uses, so the browser and the CLI cannot disagree.




/**
 * RFC 3339 date-time with a mandatory offset, as ajv-formats' "date-time" checks it (leap seconds
 * included). Self-contained on purpose: its source is shipped to the browser.
 */
function isDateTime(value) {
    const m = /^(\d{4})-(\d\d)-(\d\d)[T\s](\d\d):(\d\d):(\d\d(?:\.\d+)?)(?:Z|([+-])(\d\d)(?::?(\d\d))?)$/i.exec(value);
    if (!m)
        return false;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [0, 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month];
    if (days === undefined || month < 1 || day < 1 || day > days)
        return false;
    const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
    const sign = m[7] === '-' ? -1 : 1;
    const [tzHour, tzMinute] = [Number(m[8] ?? 0), Number(m[9] ?? 0)];
    if (tzHour > 23 || tzMinute > 59)
        return false;
    if (hour <= 23 && minute <= 59 && second < 60)
        return true;
    // A leap second is 23:59:60 in UTC, whatever the local offset.
    const utcMinute = minute - tzMinute * sign;
    const utcHour = hour - tzHour * sign - (utcMinute < 0 ? 1 : 0);
    return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}
const RUNTIME = {
    'ajv/dist/runtime/ucs2length': { name: 'ucs2length', source: ucs2length["default"].toString() },
};
let cached;
/**
 * A classic script defining `window.dgridValidateTask(task)`, which returns ajv's error objects (an
 * empty array when the task is valid). Uses the same ajv options as the CLI's validator.
 */
function taskValidatorScript() {
    if (cached !== undefined)
        return cached;
    const ajv = new dist_ajv.Ajv({
        allErrors: true,
        strict: true,
        useDefaults: true,
        allowUnionTypes: true,
        code: { source: true, esm: false, formats: (0,dist_ajv._) `formats` },
    });
    ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
    const code = standalone["default"](ajv, ajv.compile(schemas/* TaskSchema */.pj))
        .replace(/require\("([^"]+)"\)\.default/g, (_match, module) => {
        const helper = RUNTIME[module];
        if (!helper)
            throw new Error(`the task validator needs ajv runtime module ${module}, which is not shipped to the browser`);
        return helper.name;
    });
    const helpers = Object.values(RUNTIME)
        .map((helper) => `var ${helper.name} = ${helper.source};`)
        .join('\n');
    cached = `// Generated by dgrid from TaskSchema with ajv standalone code; do not edit.
(function () {
var formats = { 'date-time': { validate: ${isDateTime.toString()} } };
${helpers}
var module = { exports: {} };
${code}
window.dgridValidateTask = function (task) {
  return module.exports(task) ? [] : module.exports.errors || [];
};
})();
`;
    return cached;
}

;// CONCATENATED MODULE: ./build/src/dashboard/templates.js
// The page templates, kept as strings so the bundled action carries them (ncc does not follow file reads).
// Sections around a table are not named: the table's scrolling region carries the heading as its name, and
// two landmarks with one name confuse screen reader navigation.
// Rule: every value goes through <%= %>, which escapes; <%~ %> appears only for include() and the layout
// body, which are this file's own output. Chart SVGs arrive as Markup objects and pass <%= %> unchanged.
const templates_layout = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="<%= it.csp %>">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="dgrid">
<link rel="icon" href="data:,">
<title><%= it.pageTitle %> · <%= it.site.title %></title>
<link rel="stylesheet" href="<%= it.root %>assets/dgrid.css">
<script id="dgrid-config" type="application/json"><%= it.config %></script>
<% if (it.validator) { %>
<script src="<%= it.root %>assets/dgrid-task-validator.js" defer></script>
<% } %>
<script src="<%= it.root %>assets/dgrid.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="<%= it.root %>index.html"><span class="brand-mark" aria-hidden="true"></span><%= it.site.title %></a>
<nav aria-label="Site">
<ul class="nav">
<% for (const item of it.navItems) { %>
<li><a href="<%= it.root %><%= item.href %>"<% if (item.id === it.nav) { %> aria-current="page"<% } %>><%= item.label %></a></li>
<% } %>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
<%~ it.body %>
</main>
<footer class="site-footer">
<div class="wrap">
<p>Rendered by dgrid at <time datetime="<%= it.site.generatedIso %>"><%= it.site.generatedText %></time> from branch <code><%= it.site.branch %></code><% if (it.site.repositoryUrl) { %> of <a href="<%= it.site.repositoryUrl %>"><%= it.site.repositoryName %></a><% } %>. For scripts: <a href="<%= it.root %>status.json">status.json</a>.</p>
</div>
</footer>
</body>
</html>
`;
const breadcrumb = `<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="<%= it.root %>index.html">Overview</a></li>
<% for (const crumb of it.crumbs) { %>
<li><a href="<%= it.root %><%= crumb.href %>"><%= crumb.label %></a></li>
<% } %>
<li aria-current="page"><%= it.pageTitle %></li>
</ol>
</nav>
`;
const filterBox = `<div class="filter" id="filter-box" hidden>
<label for="task-filter">Filter tasks by id</label>
<input id="task-filter" type="search" autocomplete="off" spellcheck="false" placeholder="Part of a task id">
<p id="filter-status" role="status"></p>
</div>
`;
const chips = `<% if (it.items.length === 0) { %>–<% } else { %><ul class="chips"><% for (const item of it.items) { %><li class="chip<% if (it.missing && it.missing.includes(item)) { %> chip-missing<% } %>"><%= item %></li><% } %></ul><% } %>`;
const tasksTable = `<div class="table-wrap" role="region" aria-labelledby="<%= it.table.id %>-heading" tabindex="0">
<% if (it.table.rows.length === 0) { %>
<p class="empty"><%= it.table.empty %></p>
<% } else { %>
<table>
<thead><tr><% for (const col of it.table.columns) { %><th scope="col"<% if (col.num) { %> class="num"<% } %>><%= col.label %></th><% } %></tr></thead>
<tbody>
<% for (const row of it.table.rows) { %>
<tr data-task-id="<%= row.id %>"><th scope="row"><% if (row.href) { %><a class="task-id" href="<%= row.external ? row.href : it.root + row.href %>"><%= row.id %></a><% } else { %><span class="task-id"><%= row.id %></span><% } %><% if (row.flag) { %> <span class="badge tone-warn"><%= row.flag %></span><% } %></th>
<% if (it.table.kind === 'running') { %>
<td class="mono"><%= row.node %></td><td class="num"><%= row.attempt %></td><td><%= row.elapsed %></td><td><time datetime="<%= row.leaseIso %>"><%= row.leaseText %></time><% if (row.leaseExpired) { %> <span class="badge tone-warn">expired</span><% } %></td>
<% } else if (it.table.kind === 'queued') { %>
<td><span class="badge tone-<%= row.tone %>"><%= row.status %></span></td><td><%~ include('@chips', { items: row.requires, missing: row.missing }) %></td><td><%~ include('@chips', { items: row.dependsOn, missing: null }) %></td><td class="num"><%= row.attempt %></td>
<% } else { %>
<td><span class="badge tone-<%= row.tone %>"><%= row.status %></span></td><td class="num"><%= row.exitCode %></td><td class="mono"><%= row.node %></td><td class="num"><%= row.duration %></td><td><time datetime="<%= row.finishedIso %>" data-relative title="<%= row.finishedText %>"><%= row.finishedAgo %></time></td><% if (it.table.excerpts) { %><td class="excerpt"><%= row.excerpt %></td><% } %>
<% } %>
</tr>
<% } %>
</tbody>
</table>
<% } %>
</div>
`;
const nodesTable = `<div class="table-wrap" role="region" aria-labelledby="nodes-heading" tabindex="0">
<% if (it.nodeRows.length === 0) { %>
<p class="empty">No worker node has joined this grid yet. Start one with the run-worker action or <code>dgrid worker</code>.</p>
<% } else { %>
<table>
<thead><tr><th scope="col">Node</th><th scope="col">Status</th><th scope="col">Last heartbeat</th><th scope="col">Labels</th><th scope="col" class="num">Slots in use</th><th scope="col" class="num">Completed</th><th scope="col" class="num">Failed</th></tr></thead>
<tbody>
<% for (const node of it.nodeRows) { %>
<tr><th scope="row"><span class="mono"><%= node.id %></span><% if (node.version) { %> <span class="version">v<%= node.version %></span><% } %></th><td><span class="badge tone-<%= node.tone %>"><%= node.status %></span></td><td><time datetime="<%= node.heartbeatIso %>" data-relative title="<%= node.heartbeatText %>"><%= node.heartbeatAgo %></time></td><td><%~ include('@chips', { items: node.labels, missing: null }) %></td><td class="num"><%= node.inUse %> / <%= node.slots %></td><td class="num"><%= node.completed %></td><td class="num"><%= node.failed %></td></tr>
<% } %>
</tbody>
</table>
<% } %>
</div>
`;
const taskSection = `<section>
<div class="section-head">
<h2 id="<%= it.table.id %>-heading"><%= it.table.heading %> <span class="count">(<%= it.table.total %>)</span></h2>
<% if (it.table.allHref) { %><a class="more" href="<%= it.root %><%= it.table.allHref %>"><%= it.table.allLabel %></a><% } %>
</div>
<%~ include('@tasks-table', {}) %>
</section>
`;
const index = `<% layout('@layout') %>
<div class="page-head">
<h1><%= it.site.title %></h1>
<p class="lede">Grid status as of <time datetime="<%= it.site.generatedIso %>" data-relative title="<%= it.site.generatedText %>"><%= it.generatedAgo %></time>. Counts refresh every minute while this page is open.</p>
<p id="refresh-note" class="notice" role="status"></p>
</div>
<section aria-labelledby="counts-heading">
<h2 id="counts-heading" class="visually-hidden">Counts</h2>
<ul class="cards">
<li class="card card-queued"><span class="card-label">Queued</span><span class="card-value" data-count="queued"><%= it.counts.queued %></span><span class="card-detail">high <span data-count="queued_high"><%= it.counts.high %></span> · normal <span data-count="queued_normal"><%= it.counts.normal %></span> · low <span data-count="queued_low"><%= it.counts.low %></span></span></li>
<li class="card card-running"><span class="card-label">Running</span><span class="card-value" data-count="in_progress"><%= it.counts.inProgress %></span><span class="card-detail">claimed by nodes</span></li>
<li class="card card-completed"><span class="card-label">Completed</span><span class="card-value" data-count="completed"><%= it.counts.completed %></span><span class="card-detail"><%= it.counts.successRate %></span></li>
<li class="card card-failed"><span class="card-label">Failed</span><span class="card-value" data-count="failed"><%= it.counts.failed %></span><span class="card-detail">incl. timeouts, cancelled</span></li>
<li class="card card-nodes"><span class="card-label">Nodes online</span><span class="card-value" data-count="nodes_online"><%= it.counts.nodesOnline %></span><span class="card-detail">of <span data-count="nodes_total"><%= it.counts.nodesTotal %></span> known</span></li>
<li class="card card-workers"><span class="card-label">Recommended workers</span><span class="card-value" data-count="recommended_workers"><%= it.recommendation.workers %></span><span class="card-detail" id="recommendation-reason"><%= it.recommendation.reason %></span></li>
</ul>
</section>
<% if (it.unrunnable.total > 0) { %>
<section class="panel panel-warn">
<h2 id="unrunnable-heading">Tasks nobody can run <span class="count">(<%= it.unrunnable.totalText %>)</span></h2>
<p>These queued tasks require labels that no online node carries together, so no node will claim them. Start a worker with the labels (highlighted when no online node has them at all), or change the tasks.</p>
<%~ include('@tasks-table', { table: it.unrunnable.table }) %>
</section>
<% } %>
<section aria-labelledby="activity-heading">
<h2 id="activity-heading">Activity</h2>
<div class="charts">
<figure class="chart-card"><figcaption>Throughput</figcaption><%= it.charts.throughput %></figure>
<figure class="chart-card"><figcaption>Queue depth</figcaption><%= it.charts.queue %></figure>
<figure class="chart-card"><figcaption>Success rate</figcaption><%= it.charts.success %></figure>
</div>
</section>
<%~ include('@filter') %>
<%~ include('@task-section', { table: it.sections.running }) %>
<%~ include('@task-section', { table: it.sections.queued }) %>
<% if (it.deps) { %>
<section>
<div class="section-head"><h2 id="deps-heading">Waiting on other tasks <span class="count">(<%= it.deps.total %>)</span></h2></div>
<div class="graph-wrap" role="region" aria-label="Dependency graph" tabindex="0"><%= it.deps.graph %></div>
<ul class="legend" aria-label="Legend">
<% for (const key of it.deps.legend) { %><li><span class="badge tone-<%= key.tone %>"><%= key.label %></span></li><% } %>
</ul>
<%~ include('@tasks-table', { table: it.deps.table }) %>
</section>
<% } %>
<%~ include('@task-section', { table: it.sections.failed }) %>
<section>
<div class="section-head">
<h2 id="nodes-heading">Nodes <span class="count">(<%= it.nodes.total %>)</span></h2>
<% if (it.nodes.allHref) { %><a class="more" href="<%= it.root %><%= it.nodes.allHref %>">All <%= it.nodes.total %> nodes</a><% } %>
</div>
<%~ include('@nodes-table', { nodeRows: it.nodes.rows }) %>
</section>
<%~ include('@task-section', { table: it.sections.completed }) %>
`;
const pager = `<% if (it.pager.pages.length > 1) { %>
<nav aria-label="<%= it.pager.label %>">
<ul class="pager">
<% if (it.pager.prev) { %><li><a href="<%= it.pager.prev %>" rel="prev">Previous</a></li><% } %>
<% for (const page of it.pager.pages) { %>
<% if (page.gap) { %><li><span aria-hidden="true">…</span></li>
<% } else if (page.current) { %><li><a href="<%= page.href %>" aria-current="page"><span class="visually-hidden">Page </span><%= page.n %></a></li>
<% } else { %><li><a href="<%= page.href %>"><span class="visually-hidden">Page </span><%= page.n %></a></li>
<% } %>
<% } %>
<% if (it.pager.next) { %><li><a href="<%= it.pager.next %>" rel="next">Next</a></li><% } %>
</ul>
</nav>
<% } %>
`;
const list = `<% layout('@layout') %>
<%~ include('@breadcrumb') %>
<div class="page-head">
<h1><%= it.pageTitle %></h1>
<p class="lede"><%= it.list.summary %></p>
<% if (it.list.note) { %><p class="notice"><%= it.list.note %></p><% } %>
</div>
<%~ include('@filter') %>
<%~ include('@pager', { pager: { ...it.pager, label: 'Pages, top' } }) %>
<section>
<h2 id="list-heading" class="visually-hidden"><%= it.table.heading %></h2>
<%~ include('@tasks-table', {}) %>
</section>
<%~ include('@pager', { pager: { ...it.pager, label: 'Pages, bottom' } }) %>
`;
const nodes = `<% layout('@layout') %>
<%~ include('@breadcrumb') %>
<div class="page-head">
<h1 id="nodes-heading">Nodes</h1>
<p class="lede"><%= it.nodesSummary %></p>
</div>
<%~ include('@nodes-table', {}) %>
`;
const task = `<% layout('@layout') %>
<%~ include('@breadcrumb') %>
<h1 class="task-title"><span class="task-id"><%= it.task.id %></span> <span class="badge tone-<%= it.task.tone %>"><%= it.task.status %></span></h1>
<dl class="facts">
<% for (const fact of it.task.facts) { %>
<dt><%= fact.label %></dt><dd><% if (fact.links) { %><% fact.links.forEach((link, i) => { %><% if (i > 0) { %>, <% } %><% if (link.href) { %><a class="mono" href="<%= link.external ? link.href : it.root + link.href %>"><%= link.id %></a><% } else { %><span class="mono"><%= link.id %></span><% } %><% }) %><% } else { %><%= fact.value %><% } %></dd>
<% } %>
</dl>
<% if (it.task.repoHref) { %><p><a href="<%= it.task.repoHref %>">View <code><%= it.task.repoPath %></code> in the repository</a></p><% } %>
<% if (it.task.description) { %>
<h2>Description</h2>
<p><%= it.task.description %></p>
<% } %>
<% if (it.task.script !== undefined) { %>
<h2>Script</h2>
<pre class="code"><code><%= it.task.script %></code></pre>
<% } %>
<% for (const stream of it.task.streams) { %>
<h2><%= stream.title %></h2>
<p class="stream-meta"><%= stream.meta %></p>
<% if (stream.text !== '') { %><pre class="code"><code><%= stream.text %></code></pre><% } %>
<% } %>
<section>
<h2 id="attempts-heading">Attempts</h2>
<div class="table-wrap" role="region" aria-labelledby="attempts-heading" tabindex="0">
<% if (it.task.attempts.length === 0) { %>
<p class="empty">Not attempted yet.</p>
<% } else { %>
<table>
<thead><tr><th scope="col" class="num">Attempt</th><th scope="col">Node</th><th scope="col">Started</th><th scope="col">Ended</th><th scope="col">Outcome</th><th scope="col" class="num">Exit code</th><th scope="col">Reason</th></tr></thead>
<tbody>
<% for (const a of it.task.attempts) { %>
<tr><th scope="row" class="num"><%= a.attempt %></th><td class="mono"><%= a.node %></td><td><%= a.started %></td><td><%= a.ended %></td><td><span class="badge tone-<%= a.tone %>"><%= a.status %></span></td><td class="num"><%= a.exitCode %></td><td class="wrap"><%= a.reason %></td></tr>
<% } %>
</tbody>
</table>
<% } %>
</div>
</section>
<h2>Full record</h2>
<p class="hint"><%= it.task.recordNote %></p>
<pre class="code"><code><%= it.task.json %></code></pre>
`;
const templates_submit = `<% layout('@layout') %>
<div class="page-head">
<h1>Submit a task</h1>
<p class="lede">Describe the task, check it against the task schema right here, then create <code>tasks/queue/&lt;task_id&gt;.json</code> in your fork of the grid on GitHub and open a pull request from it.</p>
</div>
<div id="submit-needs-script" class="notice">
<p>This form needs JavaScript. Without it, add a file <code>tasks/queue/&lt;task_id&gt;.json</code> to your fork, for example:</p>
<pre class="code"><code><%= it.submit.example %></code></pre>
<% if (it.submit.newFileUrl) { %><p><a href="<%= it.submit.newFileUrl %>">Create the file on GitHub</a> (GitHub offers to fork the grid when you cannot write to it).</p><% } %>
</div>
<form id="submit-form" class="form" novalidate hidden>
<div id="submit-errors" class="error-summary" tabindex="-1" aria-labelledby="submit-errors-heading" hidden>
<h2 id="submit-errors-heading">Fix these before submitting</h2>
<ul></ul>
</div>
<% for (const row of it.submit.rows) { %>
<div class="form-row">
<% for (const f of row) { %>
<div class="field">
<label for="f-<%= f.name %>"><%= f.label %></label>
<% if (f.hint) { %><p class="hint" id="f-<%= f.name %>-hint"><%= f.hint %></p><% } %>
<p class="field-error" id="f-<%= f.name %>-error" hidden></p>
<% if (f.kind === 'textarea') { %>
<textarea id="f-<%= f.name %>" name="<%= f.name %>" rows="<%= f.rows %>" spellcheck="false" aria-describedby="<% if (f.hint) { %>f-<%= f.name %>-hint <% } %>f-<%= f.name %>-error"<% if (f.required) { %> required<% } %>><%= f.value %></textarea>
<% } else if (f.kind === 'select') { %>
<select id="f-<%= f.name %>" name="<%= f.name %>" aria-describedby="<% if (f.hint) { %>f-<%= f.name %>-hint <% } %>f-<%= f.name %>-error">
<% for (const o of f.options) { %><option value="<%= o.value %>"><%= o.label %></option><% } %>
</select>
<% } else { %>
<input id="f-<%= f.name %>" name="<%= f.name %>" type="<%= f.kind %>" value="<%= f.value %>" autocomplete="off" spellcheck="false" aria-describedby="<% if (f.hint) { %>f-<%= f.name %>-hint <% } %>f-<%= f.name %>-error"<% if (f.placeholder) { %> placeholder="<%= f.placeholder %>"<% } %><% if (f.min !== undefined) { %> min="<%= f.min %>"<% } %><% if (f.max !== undefined) { %> max="<%= f.max %>"<% } %><% if (f.step) { %> step="<%= f.step %>"<% } %><% if (f.required) { %> required<% } %>>
<% } %>
</div>
<% } %>
</div>
<% } %>
<button class="button" type="submit">Check and continue on GitHub</button>
<div id="submit-result" class="result" tabindex="-1" hidden>
<p id="submit-message"></p>
<p><a id="submit-link" href="#">Open the new-file page on GitHub</a></p>
<pre class="code"><code id="submit-json"></code></pre>
</div>
</form>
`;
/** Template name (as given to eta.loadTemplate) to source. */
const TEMPLATES = {
    '@layout': templates_layout,
    '@breadcrumb': breadcrumb,
    '@filter': filterBox,
    '@chips': chips,
    '@tasks-table': tasksTable,
    '@nodes-table': nodesTable,
    '@task-section': taskSection,
    '@pager': pager,
    '@index': index,
    '@list': list,
    '@nodes': nodes,
    '@task': task,
    '@submit': templates_submit,
};

;// CONCATENATED MODULE: ./build/src/dashboard/render.js
// Renders the static status site of a grid.
//
// Weight at scale (20,000 tasks, 500 nodes): index.html inlines only counts, charts and the most recent
// INDEX_ROWS tasks of each state and nodes; only those tasks get a detail page (detail/<task_id>.html) with
// their full record and attempts. Every task is still listed on paginated, script-free pages
// (list/<state>-<n>.html, PAGE_ROWS rows each, newest first), linking to the task's file in the repository
// when its URL is known. nodes.html lists every node. Older tasks beyond MAX_PAGES pages are left to the
// repository itself.
//
// The renderer owns these names in the output folder: index.html, nodes.html, submit.html, status.json,
// .nojekyll, assets/dgrid*, detail/*.html and list/*.html; stale pages from an earlier render in detail/
// and list/ are removed, and nothing else is touched (the folder may be a grid checkout's docs/).















const INDEX_ROWS = 50;
const PAGE_ROWS = 500;
const MAX_PAGES = 100;
/** Scripts and styles only from the site itself: a defence in depth should escaping ever be missed. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";
const STATUS_TONE = {
    success: 'ok',
    completed: 'ok',
    online: 'ok',
    failure: 'bad',
    error: 'bad',
    failed: 'bad',
    timeout: 'warn',
    unresponsive: 'warn',
    draining: 'warn',
    orphaned: 'warn',
    returned: 'neutral',
    cancelled: 'neutral',
    offline: 'neutral',
    running: 'info',
    queued: 'neutral',
    high: 'warn',
    normal: 'neutral',
    low: 'neutral',
    unknown: 'warn',
};
const STATE_LABEL = {
    queued: 'Queued tasks',
    running: 'Running tasks',
    completed: 'Completed tasks',
    failed: 'Failed tasks',
};
const eta = new Eta({ autoEscape: true, escapeFunction: escapeValue, cache: true });
for (const [name, source] of Object.entries(TEMPLATES))
    eta.loadTemplate(name, source);
const COLUMNS = {
    running: [
        { label: 'Task' },
        { label: 'Node' },
        { label: 'Attempt', num: true },
        { label: 'Running for' },
        { label: 'Lease until' },
    ],
    queued: [
        { label: 'Task' },
        { label: 'Priority' },
        { label: 'Requires' },
        { label: 'Waits for' },
        { label: 'Attempts so far', num: true },
    ],
    terminal: [
        { label: 'Task' },
        { label: 'Status' },
        { label: 'Exit code', num: true },
        { label: 'Node' },
        { label: 'Duration', num: true },
        { label: 'Finished' },
    ],
};
async function renderSite(input, outputDir) {
    const summary = summarize(input);
    const site = new Site(input);
    const files = new Map();
    files.set('index.html', site.indexPage(summary));
    files.set('nodes.html', site.nodesPage());
    files.set('submit.html', site.submitPage());
    for (const [path, html] of site.listPages())
        files.set(path, html);
    for (const [path, html] of site.detailPages())
        files.set(path, html);
    files.set('status.json', `${JSON.stringify(site.status(summary), null, 2)}\n`);
    files.set('assets/dgrid.css', STYLESHEET);
    files.set('assets/dgrid.js', CLIENT_SCRIPT);
    files.set('assets/dgrid-task-validator.js', taskValidatorScript());
    // GitHub Pages would otherwise run the folder through Jekyll, which is slow and hides some names.
    files.set('.nojekyll', '');
    for (const dir of ['assets', 'detail', 'list'])
        await (0,promises_.mkdir)((0,external_node_path_.join)(outputDir, dir), { recursive: true });
    for (const dir of ['detail', 'list']) {
        for (const name of await (0,promises_.readdir)((0,external_node_path_.join)(outputDir, dir))) {
            if (name.endsWith('.html') && !files.has(`${dir}/${name}`))
                await (0,promises_.rm)((0,external_node_path_.join)(outputDir, dir, name));
        }
    }
    await Promise.all([...files].map(([path, content]) => (0,promises_.writeFile)((0,external_node_path_.join)(outputDir, path), content)));
    return summary;
}
/** Everything the pages share, computed once per render. */
class Site {
    input;
    now;
    located = new Map();
    sorted;
    detailIds = new Set();
    busy = new Map();
    unrunnable;
    unrunnableIds;
    waiting;
    repo;
    constructor(input) {
        this.input = input;
        this.now = input.generatedAt;
        this.repo = /^https:\/\/[^\s"'<>]+$/.test(input.repositoryUrl ?? '')
            ? input.repositoryUrl.replace(/\/+$/, '')
            : undefined;
        const finished = (r) => (0,format/* parseTime */.pe)(r.finished_at)?.getTime() ?? 0;
        const claimed = (c) => (0,format/* parseTime */.pe)(c.claim.claimed_at)?.getTime() ?? 0;
        const rank = (t) => facts_PRIORITIES.indexOf(priorityOf(t));
        this.sorted = {
            queued: [...input.queued].sort((a, b) => rank(a) - rank(b)),
            running: [...input.running].sort((a, b) => claimed(a) - claimed(b)),
            completed: [...input.completed].sort((a, b) => finished(b) - finished(a)),
            failed: [...input.failed].sort((a, b) => finished(b) - finished(a)),
        };
        for (const state of ['completed', 'failed', 'running', 'queued']) {
            for (const record of this.sorted[state])
                this.located.set(record.task_id, { state, record });
        }
        for (const claim of input.running)
            this.busy.set(claim.claim.node_id, (this.busy.get(claim.claim.node_id) ?? 0) + 1);
        this.unrunnable = unrunnableTasks(input);
        this.unrunnableIds = new Set(this.unrunnable.map((u) => u.task.task_id));
        this.waiting = this.sorted.queued.filter((t) => (t.depends_on ?? []).length > 0);
        // The tasks the index shows are the ones worth a page of their own.
        const shown = [
            ...['queued', 'running', 'completed', 'failed'].flatMap((s) => this.sorted[s].slice(0, INDEX_ROWS)),
            ...this.unrunnable.slice(0, INDEX_ROWS).map((u) => u.task),
            ...this.waiting.slice(0, INDEX_ROWS),
        ];
        for (const record of shown)
            this.detailIds.add(record.task_id);
    }
    indexPage(summary) {
        const c = summary.counts;
        const finished = c.completed + c.failed;
        const sections = {
            running: this.sectionTable('running'),
            queued: this.sectionTable('queued'),
            failed: this.sectionTable('failed'),
            completed: this.sectionTable('completed'),
        };
        const unrunnableRows = this.unrunnable.slice(0, INDEX_ROWS).map((u) => ({
            ...this.row('queued', u.task),
            missing: u.missing,
        }));
        return this.page('@index', '', 'overview', 'Overview', {
            generatedAgo: (0,format/* formatAgo */.n4)(this.now, this.now),
            counts: {
                queued: (0,format/* formatCount */.B4)(c.queued),
                high: (0,format/* formatCount */.B4)(c.queuedByPriority.high),
                normal: (0,format/* formatCount */.B4)(c.queuedByPriority.normal),
                low: (0,format/* formatCount */.B4)(c.queuedByPriority.low),
                inProgress: (0,format/* formatCount */.B4)(c.inProgress),
                completed: (0,format/* formatCount */.B4)(c.completed),
                failed: (0,format/* formatCount */.B4)(c.failed),
                nodesOnline: (0,format/* formatCount */.B4)(c.nodesOnline),
                nodesTotal: (0,format/* formatCount */.B4)(this.input.nodes.length),
                successRate: finished > 0 ? `${Math.round((c.completed / finished) * 1000) / 10}% of finished` : 'none finished yet',
            },
            recommendation: { workers: summary.recommendedWorkers, reason: summary.recommendationReason },
            unrunnable: {
                total: this.unrunnable.length,
                totalText: (0,format/* formatCount */.B4)(this.unrunnable.length),
                table: this.table('unrunnable', 'queued', 'Tasks nobody can run', this.unrunnable.length, unrunnableRows),
            },
            charts: {
                throughput: new Markup(throughputChart(this.input.history)),
                queue: new Markup(queueDepthChart(this.input.history)),
                success: new Markup(successRateChart(this.input.history, { completed: c.completed, failed: c.failed })),
            },
            sections,
            deps: this.dependencies(),
            nodes: {
                total: (0,format/* formatCount */.B4)(this.input.nodes.length),
                rows: this.nodeRows().slice(0, INDEX_ROWS),
                allHref: this.input.nodes.length > INDEX_ROWS ? 'nodes.html' : undefined,
            },
        });
    }
    nodesPage() {
        const counts = new Map();
        for (const node of this.input.nodes)
            counts.set(facts_liveness(node, this.input), (counts.get(facts_liveness(node, this.input)) ?? 0) + 1);
        const parts = [...counts].map(([state, n]) => `${(0,format/* formatCount */.B4)(n)} ${state}`);
        return this.page('@nodes', '', 'nodes', 'Nodes', {
            crumbs: [],
            nodesSummary: `${(0,format/* plural */.LS)(this.input.nodes.length, 'node')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`,
            nodeRows: this.nodeRows(),
        });
    }
    *listPages() {
        for (const state of ['queued', 'running', 'completed', 'failed']) {
            const records = this.sorted[state];
            const pages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(records.length / PAGE_ROWS)));
            const order = state === 'queued' ? 'by priority' : state === 'running' ? 'longest running first' : 'newest first';
            const note = records.length > MAX_PAGES * PAGE_ROWS
                ? `Only the first ${(0,format/* formatCount */.B4)(MAX_PAGES * PAGE_ROWS)} are listed here; the rest are in the repository.`
                : undefined;
            for (let n = 1; n <= pages; n++) {
                const slice = records.slice((n - 1) * PAGE_ROWS, n * PAGE_ROWS);
                const first = (n - 1) * PAGE_ROWS + 1;
                const range = slice.length > 0 ? `${(0,format/* formatCount */.B4)(first)} to ${(0,format/* formatCount */.B4)(first + slice.length - 1)}` : 'none';
                const table = this.table('list', state, `${STATE_LABEL[state]}, ${range}`, records.length, this.rows(state, slice));
                yield [
                    listPath(state, n),
                    this.page('@list', '../', '', `${STATE_LABEL[state]}${pages > 1 ? `, page ${n}` : ''}`, {
                        crumbs: [],
                        list: { summary: `${(0,format/* plural */.LS)(records.length, 'task')}, ${order}. Page ${n} of ${pages}.`, note },
                        table,
                        pager: render_pager(state, n, pages),
                    }),
                ];
            }
        }
    }
    *detailPages() {
        for (const id of this.detailIds) {
            const found = this.located.get(id);
            if (!found)
                continue;
            yield [
                detailPath(id),
                this.page('@task', '../', '', id, {
                    crumbs: [{ label: STATE_LABEL[found.state], href: listPath(found.state, 1) }],
                    task: this.detail(found),
                }),
            ];
        }
    }
    /** status.json: stable snake_case names, for scripts and for the page's own refresh. */
    status(summary) {
        const c = summary.counts;
        return {
            version: 1,
            title: this.input.title,
            generated_at: this.now.toISOString(),
            branch: this.input.branch,
            repository_url: this.repo ?? null,
            counts: {
                queued: c.queued,
                queued_by_priority: c.queuedByPriority,
                in_progress: c.inProgress,
                completed: c.completed,
                failed: c.failed,
                nodes_online: c.nodesOnline,
                nodes_total: this.input.nodes.length,
            },
            recommended_workers: summary.recommendedWorkers,
            recommendation_reason: summary.recommendationReason,
            nodes: this.input.nodes.map((node) => ({
                node_id: node.node_id,
                status: facts_liveness(node, this.input),
                last_heartbeat: node.last_heartbeat,
                labels: node.labels,
                slots: node.slots,
                slots_in_use: this.busy.get(node.node_id) ?? 0,
                completed: node.completed,
                failed: node.failed,
                version: node.version,
            })),
            running: this.sorted.running.slice(0, INDEX_ROWS).map((t) => ({
                task_id: t.task_id,
                node_id: t.claim.node_id,
                attempt: t.claim.attempt,
                claimed_at: t.claim.claimed_at,
                lease_until: t.claim.lease_until,
            })),
            recent_completed: this.sorted.completed.slice(0, INDEX_ROWS).map(resultStatus),
            recent_failed: this.sorted.failed.slice(0, INDEX_ROWS).map(resultStatus),
            unrunnable: this.unrunnable.map((u) => ({
                task_id: u.task.task_id,
                requires: u.task.requires ?? [],
                missing_labels: u.missing,
            })),
        };
    }
    submitPage() {
        const policy = this.input.policy;
        const fork = this.repo?.match(/^https:\/\/github\.com\/([^/]+\/[^/]+)$/)?.[1];
        const example = `${JSON.stringify({ task_id: 'hello-1', script: 'echo hello', timeout_seconds: policy.default_timeout_seconds }, null, 2)}\n`;
        const rows = [
            [
                {
                    name: 'fork',
                    label: 'Your fork',
                    kind: 'text',
                    hint: 'owner/repository of your fork of the grid',
                    value: fork ?? '',
                    required: true,
                },
            ],
            [
                {
                    name: 'task_id',
                    label: 'Task id',
                    kind: 'text',
                    hint: 'Letters, digits, dot, underscore, dash; also the file name',
                    required: true,
                },
            ],
            [
                {
                    name: 'script',
                    label: 'Script',
                    kind: 'textarea',
                    rows: 6,
                    hint: 'Run by /bin/sh -c inside the sandbox',
                    required: true,
                },
            ],
            [
                {
                    name: 'timeout_seconds',
                    label: 'Timeout (seconds)',
                    kind: 'number',
                    min: 1,
                    max: policy.max_timeout_seconds,
                    placeholder: String(policy.default_timeout_seconds),
                },
                {
                    name: 'priority',
                    label: 'Priority',
                    kind: 'select',
                    options: [{ value: '', label: 'Default (normal)' }, ...facts_PRIORITIES.map((p) => ({ value: p, label: p }))],
                },
                {
                    name: 'max_attempts',
                    label: 'Attempts',
                    kind: 'number',
                    min: 1,
                    max: policy.max_attempts,
                    placeholder: String(policy.default_attempts),
                },
            ],
            [
                {
                    name: 'image',
                    label: 'Image',
                    kind: 'select',
                    options: [
                        { value: '', label: `Default (${policy.default_image})` },
                        ...policy.allowed_images
                            .filter((image) => image !== policy.default_image)
                            .map((image) => ({ value: image, label: image })),
                    ],
                },
            ],
            [
                { name: 'requires', label: 'Requires labels', kind: 'text', hint: 'Separated by spaces or commas' },
                { name: 'depends_on', label: 'Depends on', kind: 'text', hint: 'Task ids, separated by spaces or commas' },
            ],
            [
                {
                    name: 'cpus',
                    label: 'CPUs',
                    kind: 'number',
                    min: 0,
                    max: policy.limits.cpus,
                    step: 'any',
                    hint: `At most ${policy.limits.cpus}`,
                    placeholder: String(policy.limits.cpus),
                },
                {
                    name: 'memory_mb',
                    label: 'Memory (MB)',
                    kind: 'number',
                    min: 16,
                    max: policy.limits.memory_mb,
                    hint: `At most ${policy.limits.memory_mb}`,
                    placeholder: String(policy.limits.memory_mb),
                },
            ],
            [
                {
                    name: 'not_before',
                    label: 'Not before',
                    kind: 'text',
                    hint: 'Not claimed earlier; RFC 3339, e.g. 2030-01-31T12:00:00Z',
                },
            ],
            [{ name: 'env', label: 'Environment', kind: 'textarea', rows: 3, hint: 'One NAME=value a line' }],
            [{ name: 'description', label: 'Description', kind: 'textarea', rows: 2, hint: 'Free text for people' }],
        ];
        return this.page('@submit', '', 'submit', 'Submit a task', {
            submit: {
                rows,
                example,
                newFileUrl: this.repo &&
                    `${this.repo}/new/${encodePath(this.input.branch)}?filename=tasks/queue/hello-1.json&value=${encodeURIComponent(example)}`,
            },
        }, true);
    }
    page(template, root, nav, pageTitle, data, validator = false) {
        const repositoryName = this.repo?.replace(/^https:\/\/[^/]+\//, '');
        return eta.render(template, {
            root,
            nav,
            pageTitle,
            validator,
            csp: CSP,
            navItems: [
                { id: 'overview', label: 'Overview', href: 'index.html' },
                { id: 'nodes', label: 'Nodes', href: 'nodes.html' },
                { id: 'submit', label: 'Submit a task', href: 'submit.html' },
            ],
            site: {
                title: this.input.title,
                branch: this.input.branch,
                repositoryUrl: this.repo,
                repositoryName,
                generatedIso: this.now.toISOString(),
                generatedText: (0,format/* formatTime */.fU)(this.now),
            },
            config: scriptJson({
                generatedAt: this.now.toISOString(),
                statusUrl: nav === 'overview' ? 'status.json' : undefined,
                branch: this.input.branch,
                policy: {
                    max_timeout_seconds: this.input.policy.max_timeout_seconds,
                    max_attempts: this.input.policy.max_attempts,
                    default_image: this.input.policy.default_image,
                    allowed_images: this.input.policy.allowed_images,
                    limits: { cpus: this.input.policy.limits.cpus, memory_mb: this.input.policy.limits.memory_mb },
                },
            }),
            ...data,
        });
    }
    sectionTable(state) {
        const records = this.sorted[state];
        const heading = {
            queued: 'Queued',
            running: 'Running',
            completed: 'Recently completed',
            failed: 'Recently failed',
        }[state];
        const excerpts = state === 'failed' || state === 'completed';
        const table = this.table(state, state, heading, records.length, this.rows(state, records.slice(0, INDEX_ROWS)), excerpts);
        if (records.length > 0) {
            table.allHref = listPath(state, 1);
            table.allLabel = `All ${(0,format/* formatCount */.B4)(records.length)}`;
        }
        return table;
    }
    table(id, kind, heading, total, rows, excerpts = false) {
        const columns = kind === 'running' ? COLUMNS.running : kind === 'queued' ? COLUMNS.queued : COLUMNS.terminal;
        const empty = {
            queued: 'Nothing is waiting.',
            running: 'Nothing is running.',
            completed: 'No task has completed yet.',
            failed: 'No task has failed.',
        }[kind];
        return {
            id,
            heading,
            total: (0,format/* formatCount */.B4)(total),
            kind,
            columns: excerpts ? [...columns, { label: 'Output' }] : columns,
            rows,
            empty,
            excerpts,
        };
    }
    rows(state, records) {
        return records.map((record) => this.row(state, record));
    }
    row(state, record) {
        const link = this.link(record.task_id, state, record);
        if (state === 'queued') {
            const task = record;
            return {
                ...link,
                status: priorityOf(task),
                tone: STATUS_TONE[priorityOf(task)],
                requires: task.requires ?? [],
                dependsOn: task.depends_on ?? [],
                attempt: (0,format/* formatCount */.B4)(task.attempts?.length ?? 0),
                flag: this.unrunnableIds.has(task.task_id) ? 'no node can run it' : undefined,
            };
        }
        if (state === 'running') {
            const claim = record.claim;
            const since = (0,format/* parseTime */.pe)(claim.claimed_at);
            const lease = (0,format/* parseTime */.pe)(claim.lease_until);
            return {
                ...link,
                status: 'running',
                tone: 'info',
                node: claim.node_id,
                attempt: String(claim.attempt),
                elapsed: since ? (0,format/* formatDuration */.a3)(this.now.getTime() - since.getTime()) : 'unknown',
                leaseIso: claim.lease_until,
                leaseText: lease ? (0,format/* formatTime */.fU)(lease) : 'unknown',
                leaseExpired: lease !== undefined && lease < this.now,
            };
        }
        const result = record;
        const finished = (0,format/* parseTime */.pe)(result.finished_at);
        const output = state === 'failed'
            ? result.reason || (0,format/* excerpt */.Kb)(result.stderr) || (0,format/* excerpt */.Kb)(result.stdout)
            : (0,format/* excerpt */.Kb)(result.stdout) || (0,format/* excerpt */.Kb)(result.stderr);
        return {
            ...link,
            status: result.status,
            tone: STATUS_TONE[result.status] ?? 'neutral',
            exitCode: result.exit_code === null ? '–' : String(result.exit_code),
            node: result.node_id,
            duration: (0,format/* formatDuration */.a3)(result.duration_ms),
            finishedIso: result.finished_at,
            finishedText: finished ? (0,format/* formatTime */.fU)(finished) : 'unknown',
            finishedAgo: finished ? (0,format/* formatAgo */.n4)(finished, this.now) : 'unknown',
            excerpt: output.length > 140 ? `${output.slice(0, 139)}…` : output,
        };
    }
    /** Where a task's id links to: its detail page, else its file in the repository, else nowhere. */
    link(id, state, record) {
        if (this.detailIds.has(id))
            return { id, href: detailPath(id) };
        const href = record && this.repoHref(state, record);
        return href ? { id, href, external: true } : { id };
    }
    /** The record's file on GitHub, when the repository is known and the record has a file path. */
    repoHref(state, record) {
        const path = repoPath(state, record);
        return this.repo && path ? `${this.repo}/blob/${encodePath(this.input.branch)}/${encodePath(path)}` : undefined;
    }
    dependencies() {
        if (this.waiting.length === 0)
            return undefined;
        const states = new Map([...this.located].map(([id, found]) => [id, found.state]));
        const rows = this.waiting.slice(0, INDEX_ROWS).map((task) => this.row('queued', task));
        return {
            total: (0,format/* formatCount */.B4)(this.waiting.length),
            graph: new Markup(dependencyGraph(this.waiting.map((t) => ({ id: t.task_id, dependsOn: t.depends_on ?? [] })), states)),
            legend: ['completed', 'running', 'queued', 'failed', 'unknown'].map((label) => ({
                label: label === 'unknown' ? 'not in the grid' : label,
                tone: STATUS_TONE[label],
            })),
            table: this.table('deps', 'queued', 'Waiting on other tasks', this.waiting.length, rows),
        };
    }
    nodeRows() {
        const rank = { online: 0, unresponsive: 1, draining: 2, offline: 3 };
        return this.input.nodes
            .map((node) => ({ node, state: facts_liveness(node, this.input) }))
            .sort((a, b) => rank[a.state] - rank[b.state] || a.node.node_id.localeCompare(b.node.node_id))
            .map(({ node, state }) => {
            const heartbeat = (0,format/* parseTime */.pe)(node.last_heartbeat);
            return {
                id: node.node_id,
                version: node.version,
                status: state,
                tone: STATUS_TONE[state],
                heartbeatIso: node.last_heartbeat,
                heartbeatText: heartbeat ? (0,format/* formatTime */.fU)(heartbeat) : 'unknown',
                heartbeatAgo: heartbeat ? (0,format/* formatAgo */.n4)(heartbeat, this.now) : 'unknown',
                labels: node.labels,
                inUse: this.busy.get(node.node_id) ?? 0,
                slots: node.slots,
                completed: (0,format/* formatCount */.B4)(node.completed),
                failed: (0,format/* formatCount */.B4)(node.failed),
            };
        });
    }
    detail({ state, record }) {
        const fact = (label, value) => value === undefined || value === '' ? [] : [{ label, value: String(value) }];
        const time = (value) => {
            const parsed = (0,format/* parseTime */.pe)(value);
            return parsed ? `${(0,format/* formatTime */.fU)(parsed)} (${(0,format/* formatAgo */.n4)(parsed, this.now)})` : value;
        };
        const links = (ids) => ids.map((id) => this.link(id, this.located.get(id)?.state ?? 'queued', this.located.get(id)?.record));
        const result = state === 'completed' || state === 'failed' ? record : undefined;
        const claim = state === 'running' ? record.claim : undefined;
        const task = record;
        const facts = [
            ...fact('State', state === 'running' ? 'in progress' : state),
            ...fact('Blocked', this.unrunnableIds.has(record.task_id) ? 'no online node carries all the required labels' : ''),
            ...(result
                ? [
                    ...fact('Exit code', result.exit_code === null ? 'none' : result.exit_code),
                    ...fact('Reason', result.reason),
                    ...fact('Node', result.node_id),
                    ...fact('Attempt', result.attempt),
                    ...fact('Started', time(result.started_at)),
                    ...fact('Finished', time(result.finished_at)),
                    ...fact('Duration', (0,format/* formatDuration */.a3)(result.duration_ms)),
                ]
                : []),
            ...(claim
                ? [
                    ...fact('Node', claim.node_id),
                    ...fact('Attempt', claim.attempt),
                    ...fact('Claimed', time(claim.claimed_at)),
                    ...fact('Lease until', time(claim.lease_until)),
                ]
                : []),
            ...fact('Priority', priorityOf(task)),
            ...fact('Timeout', task.timeout_seconds === undefined ? undefined : (0,format/* formatDuration */.a3)(task.timeout_seconds * 1000)),
            ...fact('Image', task.image),
            ...fact('Max attempts', task.max_attempts),
            ...fact('Requires', task.requires?.join(', ')),
            ...fact('CPUs', task.resources?.cpus),
            ...fact('Memory', task.resources?.memory_mb === undefined ? undefined : `${task.resources.memory_mb} MB`),
            ...fact('Not before', time(task.not_before)),
            ...fact('Environment', task.env ? Object.keys(task.env).join(', ') : undefined),
            ...(task.depends_on?.length ? [{ label: 'Depends on', links: links(task.depends_on) }] : []),
        ];
        const stream = (title, text, bytes, sha, truncated) => ({
            title,
            text,
            meta: bytes === 0
                ? 'Empty.'
                : `${(0,format/* plural */.LS)(bytes, 'byte')}${truncated ? `, truncated: the first ${(0,format/* plural */.LS)(Buffer.byteLength(text), 'byte')} are kept` : ''}; sha256 ${sha}`,
        });
        const streams = result
            ? [
                stream('Standard output', result.stdout, result.stdout_bytes, result.stdout_sha256, result.stdout_truncated),
                stream('Standard error', result.stderr, result.stderr_bytes, result.stderr_sha256, result.stderr_truncated),
            ]
            : [];
        const attempts = [
            ...(task.attempts ?? []).map((a) => attemptRow(a)),
            ...(claim
                ? [
                    {
                        attempt: claim.attempt,
                        node: claim.node_id,
                        started: timeOf(claim.claimed_at),
                        ended: '–',
                        status: 'running',
                        tone: 'info',
                        exitCode: '–',
                        reason: '',
                    },
                ]
                : []),
            ...(result
                ? [
                    {
                        attempt: result.attempt,
                        node: result.node_id,
                        started: timeOf(result.started_at),
                        ended: timeOf(result.finished_at),
                        status: result.status,
                        tone: STATUS_TONE[result.status] ?? 'neutral',
                        exitCode: result.exit_code === null ? '–' : String(result.exit_code),
                        reason: result.reason ?? '',
                    },
                ]
                : []),
        ];
        const stored = { ...record };
        delete stored.stdout;
        delete stored.stderr;
        const path = repoPath(state, record);
        return {
            id: record.task_id,
            status: result ? result.status : state === 'running' ? 'running' : 'queued',
            tone: result ? (STATUS_TONE[result.status] ?? 'neutral') : state === 'running' ? 'info' : 'neutral',
            facts,
            description: task.description,
            script: task.script,
            streams,
            attempts,
            json: JSON.stringify(stored, null, 2),
            recordNote: result
                ? 'The file as stored in the grid, without stdout and stderr (shown above).'
                : 'The file as stored in the grid.',
            repoHref: this.repoHref(state, record),
            repoPath: path,
        };
    }
}
function attemptRow(a) {
    return {
        attempt: a.attempt,
        node: a.node_id,
        started: timeOf(a.claimed_at),
        ended: timeOf(a.ended_at),
        status: a.status,
        tone: STATUS_TONE[a.status] ?? 'neutral',
        exitCode: a.exit_code === null || a.exit_code === undefined ? '–' : String(a.exit_code),
        reason: a.reason,
    };
}
function timeOf(value) {
    const parsed = (0,format/* parseTime */.pe)(value);
    return parsed ? (0,format/* formatTime */.fU)(parsed) : value;
}
function resultStatus(r) {
    return {
        task_id: r.task_id,
        status: r.status,
        exit_code: r.exit_code,
        node_id: r.node_id,
        duration_ms: r.duration_ms,
        finished_at: r.finished_at,
    };
}
const SAFE_ID = new RegExp(schemas/* TASK_ID_PATTERN */.Fq);
/**
 * A task's detail page. Results may carry ids that were never valid (an invalid file still gets a result),
 * so those are named by a hash instead; a leading dash cannot collide with a valid id.
 */
function detailPath(id) {
    const name = SAFE_ID.test(id) ? id : `-${(0,external_node_crypto_.createHash)('sha256').update(id).digest('hex').slice(0, 24)}`;
    return `detail/${name}.html`;
}
function listPath(state, page) {
    return `list/${state}-${page}.html`;
}
/** Where dgrid writes the record, so the page can link to it; undefined for ids no valid file could have. */
function repoPath(state, record) {
    if (!SAFE_ID.test(record.task_id))
        return undefined;
    if (state === 'queued')
        return (0,layout/* queuePath */.Hs)(record.task_id);
    if (state === 'running')
        return (0,layout/* inProgressPath */.Is)(record.claim.node_id, record.task_id);
    const finished = (0,format/* parseTime */.pe)(record.finished_at);
    return finished && (0,layout/* resultPath */.jO)(state, record.task_id, finished);
}
/** Encodes each segment of a slash-separated path (a branch such as feature/x, a file path) for a URL. */
function encodePath(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
function render_pager(state, current, pages) {
    const wanted = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
    const numbers = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
    const items = [];
    numbers.forEach((n, i) => {
        if (i > 0 && n - numbers[i - 1] > 1)
            items.push({ gap: true });
        items.push({ n, href: `${state}-${n}.html`, current: n === current });
    });
    return {
        pages: items,
        prev: current > 1 ? `${state}-${current - 1}.html` : undefined,
        next: current < pages ? `${state}-${current + 1}.html` : undefined,
    };
}


/***/ }),

/***/ 3837:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$id":"https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#","description":"Meta-schema for $data reference (JSON AnySchema extension proposal)","type":"object","required":["$data"],"properties":{"$data":{"type":"string","anyOf":[{"format":"relative-json-pointer"},{"format":"json-pointer"}]}},"additionalProperties":false}');

/***/ }),

/***/ 2079:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"http://json-schema.org/draft-07/schema#","title":"Core schema meta-schema","definitions":{"schemaArray":{"type":"array","minItems":1,"items":{"$ref":"#"}},"nonNegativeInteger":{"type":"integer","minimum":0},"nonNegativeIntegerDefault0":{"allOf":[{"$ref":"#/definitions/nonNegativeInteger"},{"default":0}]},"simpleTypes":{"enum":["array","boolean","integer","null","number","object","string"]},"stringArray":{"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]}},"type":["object","boolean"],"properties":{"$id":{"type":"string","format":"uri-reference"},"$schema":{"type":"string","format":"uri"},"$ref":{"type":"string","format":"uri-reference"},"$comment":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"default":true,"readOnly":{"type":"boolean","default":false},"examples":{"type":"array","items":true},"multipleOf":{"type":"number","exclusiveMinimum":0},"maximum":{"type":"number"},"exclusiveMaximum":{"type":"number"},"minimum":{"type":"number"},"exclusiveMinimum":{"type":"number"},"maxLength":{"$ref":"#/definitions/nonNegativeInteger"},"minLength":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"pattern":{"type":"string","format":"regex"},"additionalItems":{"$ref":"#"},"items":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/schemaArray"}],"default":true},"maxItems":{"$ref":"#/definitions/nonNegativeInteger"},"minItems":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"uniqueItems":{"type":"boolean","default":false},"contains":{"$ref":"#"},"maxProperties":{"$ref":"#/definitions/nonNegativeInteger"},"minProperties":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"required":{"$ref":"#/definitions/stringArray"},"additionalProperties":{"$ref":"#"},"definitions":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"properties":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"patternProperties":{"type":"object","additionalProperties":{"$ref":"#"},"propertyNames":{"format":"regex"},"default":{}},"dependencies":{"type":"object","additionalProperties":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/stringArray"}]}},"propertyNames":{"$ref":"#"},"const":true,"enum":{"type":"array","items":true,"minItems":1,"uniqueItems":true},"type":{"anyOf":[{"$ref":"#/definitions/simpleTypes"},{"type":"array","items":{"$ref":"#/definitions/simpleTypes"},"minItems":1,"uniqueItems":true}]},"format":{"type":"string"},"contentMediaType":{"type":"string"},"contentEncoding":{"type":"string"},"if":{"$ref":"#"},"then":{"$ref":"#"},"else":{"$ref":"#"},"allOf":{"$ref":"#/definitions/schemaArray"},"anyOf":{"$ref":"#/definitions/schemaArray"},"oneOf":{"$ref":"#/definitions/schemaArray"},"not":{"$ref":"#"}},"default":true}');

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6708);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
