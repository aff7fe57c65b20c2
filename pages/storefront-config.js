// Storefront settings. The suite answers this URL itself with the configured SDK build, shop
// id and API origin; this file is what a person gets when they browse the pages by hand.
window.storefrontConfig = {
  sdkUrl: "/sdk/v3.js",
  shopId: "357382bf66ac0ce2f1722677c59511",
  initOptions: {},
};
