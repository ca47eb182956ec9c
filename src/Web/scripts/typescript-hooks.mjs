// Module hooks for node's test runner: .ts and .tsx files are turned into JavaScript with TypeScript's own transpiler
// (types are only removed, not checked: tsc --noEmit in the build checks them), so component tests import the app's modules.
import { readFile } from "node:fs/promises";
import ts from "typescript";

const typeScript = /\.tsx?$/;

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    // The app imports its modules without an extension, as Vite allows.
    if (specifier.startsWith(".") && !typeScript.test(specifier)) {
      for (const extension of [".ts", ".tsx"]) {
        try {
          return await next(specifier + extension, context);
        } catch {}
      }
    }
    throw error;
  }
}

export async function load(url, context, next) {
  if (!typeScript.test(new URL(url).pathname)) return next(url, context);
  const source = await readFile(new URL(url), "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: new URL(url).pathname,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, verbatimModuleSyntax: false },
  });
  return { format: "module", source: outputText, shortCircuit: true };
}
