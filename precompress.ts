/**
 * After `remix build`: a brotli (quality 11) and a gzip (level 9) copy of every script and style
 * in public/build, made once here instead of at quality 4 / level 6 on every request. The server
 * sends the copy the browser accepts (express-static-gzip, server.ts; docs/decisions/026).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const buildDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "public/build");

let files = 0;
for (const entry of readdirSync(buildDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const content = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  }));
  writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  files += 1;
}
console.log(`precompressed ${files} files in public/build`);
