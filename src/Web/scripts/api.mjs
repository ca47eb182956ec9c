// The API client's types come from the host's own OpenAPI document.
//   generate: writes openapi/platform.json from the built host (dotnet build src/Host first) and regenerates src/api/schema.d.ts
//   check:    does the same into a temporary folder and fails when either committed file differs, so a changed endpoint
//             breaks the build until the types are regenerated (and the app compiles against them).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const hostDll = process.env.PLATFORM_HOST_DLL ?? resolve(web, "../Host/bin/Release/net10.0/Platform.Host.dll");
const committed = { document: join(web, "openapi/platform.json"), types: join(web, "src/api/schema.d.ts") };

function produce(folder) {
  const document = join(folder, "platform.json");
  const types = join(folder, "schema.d.ts");
  // Development has public keys of its own; the verb only builds the host, it neither serves nor touches a database.
  execFileSync("dotnet", [hostDll, "openapi-document", document], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Development", Logging__LogLevel__Default: "Error" },
  });
  execFileSync(join(web, "node_modules/.bin/openapi-typescript"), [document, "-o", types], { stdio: ["ignore", "ignore", "inherit"] });
  return { document, types };
}

const mode = process.argv[2];
const folder = mkdtempSync(join(tmpdir(), "platform-api-"));
try {
  const fresh = produce(folder);
  if (mode === "generate") {
    copyFileSync(fresh.document, committed.document);
    copyFileSync(fresh.types, committed.types);
    console.log("openapi/platform.json and src/api/schema.d.ts regenerated");
  } else if (mode === "check") {
    const stale = Object.keys(committed).filter((key) => readFileSync(committed[key], "utf8") !== readFileSync(fresh[key], "utf8"));
    if (stale.length > 0) {
      console.error(`The API changed: ${stale.map((key) => committed[key]).join(", ")} no longer match the host. Run npm run api:generate in src/Web and fix what no longer compiles.`);
      process.exit(1);
    }
    console.log("API types match the host's OpenAPI document");
  } else {
    console.error("usage: node scripts/api.mjs generate|check");
    process.exit(2);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
