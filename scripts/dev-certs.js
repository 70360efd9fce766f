// HTTPS options for the dev server. office-addin-dev-certs makes a localhost certificate and trusts its
// CA; where it cannot trust it (Linux without sudo, a container), serve with the certificate anyway and
// say how to trust it, so the server still starts.
const fs = require("fs");

async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const { caCertificatePath, localhostCertificatePath, localhostKeyPath } = require("office-addin-dev-certs/lib/defaults");
    if (![caCertificatePath, localhostCertificatePath, localhostKeyPath].every((f) => fs.existsSync(f))) throw error;
    console.warn(
      `PAB Watch: the dev certificate's CA could not be trusted automatically (${String(error.message).split("\n")[0]}).\n` +
        `  Serving with it anyway. To trust it, import ${caCertificatePath} into your browser or system store.`
    );
    return {
      ca: fs.readFileSync(caCertificatePath),
      key: fs.readFileSync(localhostKeyPath),
      cert: fs.readFileSync(localhostCertificatePath),
    };
  }
}

module.exports = { devServerHttpsOptions };
