export { isPortfolioEmpty, seedDemoPortfolio, type DemoOptions, type DemoRelease } from './demo-portfolio.js';
export { webBuildIsStale } from './web-build.js';
