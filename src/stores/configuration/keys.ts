/** Where the configurator saves its work. No imports, so a page script reads them without loading the stores. */
export const CONFIGURATION_KEY = 'secure-quote:configuration:v1';
export const PACKAGE_KEY = 'secure-quote:package:v1';
