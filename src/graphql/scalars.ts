import { DateResolver, DateTimeResolver, JSONObjectResolver } from "graphql-scalars";

// The scalars of the public contract: DateTime (RFC 3339), Date (YYYY-MM-DD), JSONObject.
export const DateTimeScalar = DateTimeResolver;
export const DateScalar = DateResolver;
export const JSONObjectScalar = JSONObjectResolver;
