import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite must stay external: bundled, its wasm/data assets resolve to URL objects and every query fails at runtime.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
