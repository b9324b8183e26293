export * from "./auth";
export * from "./catalogue";
export * from "./participation";
export * from "./tallies";
export * from "./accessibility";
export * from "./translation";
