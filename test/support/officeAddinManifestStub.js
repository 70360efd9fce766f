// office-addin-mock imports office-addin-manifest, whose ESM-only dependency jest on Node 20 cannot load.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
