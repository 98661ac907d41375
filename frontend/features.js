// The portal's features, in menu order. Each name is a module /<name>.js that registers its pages with
// /router.js, and has its words in /i18n/<name>.<lang>.json. A new feature adds one line here.
export default [
  "home",
  "membership",
  "vote",
  "admin",
  "elections",
  "surplus",
  "motions",
  "contests-admin",
  "election-papers",
];
