import { draftNotice } from "./src/mail";
import { classicItem, fullIncident, resolvedItem, twoDipsItem } from "./test/support/notices";
const [kind, lang, which, inc] = process.argv.slice(2);
const item = which === "resolved" ? resolvedItem() : which === "two" ? twoDipsItem() : classicItem();
try {
const out = draftNotice(kind as any, item, ["a@example.com"], inc === "none" ? {} : fullIncident(lang as any), lang as any);
console.log(`Subject: ${out.subject}\nIM: ${out.im}\n\n${out.text}`);
console.log("WARNINGS:", out.notice.warnings);
if (process.env.CSV) console.log(out.csv);
} catch (e) { console.log("REFUSED:", (e as Error).message); }
