import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { CollectionName } from './resources.ts';

export const PAGE_SIZES = [5, 10, 20, 50, 100] as const;

interface ExplorerState {
  collection: CollectionName;
  pageSize: number;
  /** Per collection, so switching tabs keeps each one's place. */
  offsets: Record<CollectionName, number>;
  setCollection(collection: CollectionName): void;
  setPageSize(pageSize: number): void;
  setOffset(collection: CollectionName, offset: number): void;
}

/** The explorer's view state. The tab and page size survive a reload; the page does not (rows move). */
export const useExplorerStore = create<ExplorerState>()(
  persist(
    (set) => ({
      collection: 'users',
      pageSize: 10,
      offsets: { users: 0, products: 0, orders: 0 },
      setCollection: (collection) => set({ collection }),
      // A new page size starts from the first page: the old offset may not be a page boundary.
      setPageSize: (pageSize) => set({ pageSize, offsets: { users: 0, products: 0, orders: 0 } }),
      setOffset: (collection, offset) =>
        set((state) => ({ offsets: { ...state.offsets, [collection]: Math.max(0, offset) } })),
    }),
    {
      name: 'restlab.explorer',
      version: 1,
      partialize: ({ collection, pageSize }) => ({ collection, pageSize }),
    },
  ),
);
