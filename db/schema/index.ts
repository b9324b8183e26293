export * from "./auth";
export * from "./catalogue";
export * from "./participation";
export * from "./decisions";
export * from "./tallies";
export * from "./accessibility";
export * from "./translation";
