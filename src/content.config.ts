import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { productSchema } from './domain/catalog/product';
import { guidelinesSchema } from './domain/guidelines/guidelines';
import { settingsSchema } from './domain/settings/settings';

/** File name without folder or extension, so `products/cameras/turret-4mp.yaml` has the id `turret-4mp`. */
const idFromFileName = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.ya?ml$/, '');

export const collections = {
  products: defineCollection({
    loader: glob({ pattern: '**/*.yaml', base: './src/data/products', generateId: idFromFileName }),
    schema: productSchema,
  }),
  settings: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './src/data/settings', generateId: idFromFileName }),
    schema: settingsSchema,
  }),
  guidelines: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './src/data/guidelines', generateId: idFromFileName }),
    schema: guidelinesSchema,
  }),
};
