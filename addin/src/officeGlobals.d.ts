/// <reference types="office-js" />
/// <reference types="custom-functions-runtime" />
// The Office JavaScript API types (kept by Microsoft in @types/office-js and
// @types/custom-functions-runtime) for the add-in code only: referenced here instead of in the
// repository's tsconfig "types", which stays ["node"] for the service and the core.
