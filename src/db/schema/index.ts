export * from "./enums.js";
export * from "./customers.js";
export * from "./identity.js";
export * from "./activity.js";
export * from "./engagement.js";
export * from "./access.js";
export * from "./scores.js";
