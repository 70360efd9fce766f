/* eslint-disable no-undef */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { contentSecurityPolicy } = require("./scripts/csp");
const { devServerHttpsOptions } = require("./scripts/dev-certs");
const { helpPageHtml } = require("./scripts/help-page");

const { DEV_URL, toProductionUrls: rewrite } = require("./scripts/production-urls");

// Where the production build is hosted: PAB_WATCH_URL=https://addin.example.com/ npm run build
const urlProd = process.env.PAB_WATCH_URL || DEV_URL;
// The app registration for Outlook drafts through Microsoft Graph (README: "Outlook drafts"); none: the option is hidden.
const CLIENT_ID = process.env.PAB_WATCH_CLIENT_ID || "";
const defineClientId = () =>
  new (require("webpack").DefinePlugin)({ "process.env.PAB_WATCH_CLIENT_ID": JSON.stringify(CLIENT_ID) });


function toProductionUrls(content) {
  return rewrite(content, urlProd);
}

// TypeScript for the browser: ES modules, so webpack can drop what a page does not use.
const TYPESCRIPT_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } } },
};

/** The workbench: the task pane beside a simulated workbook, for machines without Excel. Never in dist/. */
function workbenchConfig(dev) {
  return {
    name: "workbench",
    devtool: "source-map",
    entry: { workbench: "./src/workbench/index.tsx" },
    output: { path: path.resolve(__dirname, "dist-workbench"), filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The command line's zlib codec is Node only; in the browser the portable codec is used.
      alias: { [path.resolve(__dirname, "src/cli/nodeZip.ts")]: path.resolve(__dirname, "src/cli/nodeZip.browser.ts") },
    },
    module: {
      rules: [
        TYPESCRIPT_RULE,
      ],
    },
    performance: { hints: false },
    plugins: [
      defineClientId(),
      new HtmlWebpackPlugin({ filename: "workbench.html", template: "./src/workbench/workbench.html" }),
      new CopyWebpackPlugin({
        patterns: [{ from: path.resolve(__dirname, "../shared/samples/*.xlsx"), to: "samples/[name][ext]", noErrorOnMissing: true }],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        inject: false,
        templateContent: () => helpPageHtml(fs.readFileSync(path.resolve(__dirname, "README.md"), "utf8")),
      }),
    ],
    mode: dev ? "development" : "production",
  };
}

module.exports = async (env, options) => [await addinConfig(env, options), workbenchConfig(options.mode === "development")];

async function addinConfig(env, options) {
  const dev = options.mode === "development";
  const serving = !!env.WEBPACK_SERVE;
  return {
    name: "addin",
    devtool: "source-map", // never eval-based: the page's CSP forbids eval
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        TYPESCRIPT_RULE,
      ],
    },
    performance: { hints: false },
    plugins: [
      defineClientId(),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        csp: contentSecurityPolicy({ serving, graph: CLIENT_ID !== "" }),
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        inject: false,
        templateContent: () => helpPageHtml(fs.readFileSync(path.resolve(__dirname, "README.md"), "utf8")),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : toProductionUrls(content)),
          },
        ],
      }),
      {
        // functions.json carries help links: point them at the production host too.
        apply(compiler) {
          if (dev) return;
          compiler.hooks.thisCompilation.tap("ProductionUrls", (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: "ProductionUrls", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
              (assets) => {
                if (!assets["functions.json"]) return;
                const text = toProductionUrls(assets["functions.json"].source());
                compilation.updateAsset("functions.json", new compiler.webpack.sources.RawSource(text));
              }
            );
          });
        },
      },
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await devServerHttpsOptions() : {} },
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      client: { overlay: false },
      // The workbench's own build is served beside the add-in's (multi-compiler).
    },
  };
}
