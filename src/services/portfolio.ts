/** Categories, products and releases: create, list, read and update. */
import type { Category, Product, Release } from '../model/portfolio.js';
import type { NewCategory, NewProduct, NewRelease, ReleasePatch, Store } from '../store/index.js';

const TODO = (): never => {
  throw new Error('services: implementation in progress');
};

export async function createCategory(store: Store, input: NewCategory): Promise<Category> { void store; void input; return TODO(); }
export async function listCategories(store: Store): Promise<Category[]> { void store; return TODO(); }
export async function getCategory(store: Store, id: number): Promise<Category> { void store; void id; return TODO(); }
export async function updateCategory(store: Store, id: number, patch: Partial<NewCategory>): Promise<Category> { void store; void id; void patch; return TODO(); }

export async function createProduct(store: Store, input: NewProductInput): Promise<Product> { void store; void input; return TODO(); }
export async function listProducts(store: Store): Promise<Product[]> { void store; return TODO(); }
export async function getProduct(store: Store, id: number): Promise<Product> { void store; void id; return TODO(); }
export async function findProductByName(store: Store, name: string): Promise<Product> { void store; void name; return TODO(); }
export async function updateProduct(store: Store, id: number, patch: Partial<NewProduct>): Promise<Product> { void store; void id; void patch; return TODO(); }

export async function createRelease(store: Store, input: NewRelease): Promise<Release> { void store; void input; return TODO(); }
export async function listReleases(store: Store, productId?: number): Promise<Release[]> { void store; void productId; return TODO(); }
export async function getRelease(store: Store, id: number): Promise<Release> { void store; void id; return TODO(); }
export async function findReleaseByName(store: Store, productName: string, number: string): Promise<ReleaseRef> { void store; void productName; void number; return TODO(); }
export async function updateRelease(store: Store, id: number, patch: ReleasePatch): Promise<Release> { void store; void id; void patch; return TODO(); }

/** A product may be created with category names instead of ids (the CLI does). */
export type NewProductInput = Omit<NewProduct, 'categoryIds' | 'outboundLicenses' | 'description' | 'owner'> &
  Partial<Pick<NewProduct, 'categoryIds' | 'outboundLicenses' | 'description' | 'owner'>>;

export interface ReleaseRef {
  product: Product;
  release: Release;
}
