import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printPublicSchema } from "../graphql/schema.js";

// `npm run schema:emit`: writes schema.graphql from the code. test/integration/schema.test.ts fails when
// the committed file differs.
const SCHEMA_FILE = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

const text = await printPublicSchema();
writeFileSync(SCHEMA_FILE, text);
process.stdout.write(`schema.graphql written (${text.split("\n").length} lines)\n`);
