import type { StateCreator, StoreApi, UseBoundStore } from 'zustand';

/**
 * Every zustand store made while a test file runs, with a way back to its initial state. The setup
 * file (tests/setup.ts) wraps zustand's `create` and `createStore` with `resettable…` below, so a new
 * store is covered without anyone listing it; this is the pattern zustand's testing guide describes.
 * This module must not import zustand at run time: it is loaded from inside the mock of zustand.
 */
const resets = new Set<() => void>();

function track<S>(store: StoreApi<S>): void {
  // With `persist`, getInitialState is what the store's creator returned, before saved data was loaded.
  const initial = store.getInitialState();
  resets.add(() => store.setState(initial, true));
}

type Create = <S>(creator: StateCreator<S, [], []>) => UseBoundStore<StoreApi<S>>;
type CreateStore = <S>(creator: StateCreator<S, [], []>) => StoreApi<S>;

/** `create` that remembers each store's initial state; curried (`create<T>()(…)`) or not, like zustand's. */
export function resettableCreate(actual: Create) {
  const make = <S>(creator: StateCreator<S, [], []>) => {
    const store = actual(creator);
    track(store);
    return store;
  };
  return <S>(creator?: StateCreator<S, [], []>) => (creator ? make(creator) : make);
}

export function resettableCreateStore(actual: CreateStore) {
  const make = <S>(creator: StateCreator<S, [], []>) => {
    const store = actual(creator);
    track(store);
    return store;
  };
  return <S>(creator?: StateCreator<S, [], []>) => (creator ? make(creator) : make);
}

/** Puts every store made so far back to its initial state; saved copies are cleared by the caller. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}

/** How many stores are tracked: lets the kit's own test see that the wrapping is in place. */
export function trackedStoreCount(): number {
  return resets.size;
}
