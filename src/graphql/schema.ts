import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ActivityWriteResolver, TimelineItemResolver } from "../modules/activity/activity.resolver.js";
import { ConsentResolver } from "../modules/consent/consent.resolver.js";
import { ActionResolver } from "../modules/intelligence/action.resolver.js";
import { CustomerResolver } from "../modules/customer/customer.resolver.js";
import { CustomerIntelligenceResolver } from "../modules/intelligence/intelligence.resolver.js";
import { PopulationResolver } from "../modules/intelligence/population.resolver.js";

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema (built once per process: type-graphql's metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      CustomerResolver,
      CustomerIntelligenceResolver,
      PopulationResolver,
      TimelineItemResolver,
      ActivityWriteResolver,
      ConsentResolver,
      ActionResolver,
    ],
    // Inputs are validated explicitly in services, with messages that name the field.
    validate: false,
  });
  return built;
}

/** schema.graphql as committed: sorted, so the file changes only when the API does. */
export async function printPublicSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
