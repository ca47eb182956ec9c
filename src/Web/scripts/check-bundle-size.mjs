// Keeps the first load light: the JavaScript index.html loads must stay within 200 KB gzipped.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const limit = 200 * 1024;
const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
const total = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (limit ${limit / 1024} KB)`);
if (scripts.length === 0 || total > limit) {
  process.exit(1);
}
