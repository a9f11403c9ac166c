import { useExplorerStore } from './explorer-store.ts';
import { CollectionView } from './collection-view.tsx';
import { RESOURCE_SPECS, type CollectionName } from './resources.ts';
import './explorer.css';

const COLLECTIONS = Object.keys(RESOURCE_SPECS) as CollectionName[];

/** The explorer: pick a collection, then browse, create, edit and delete its rows. */
export default function ExplorerLab() {
  const collection = useExplorerStore((state) => state.collection);
  const setCollection = useExplorerStore((state) => state.setCollection);

  return (
    <div className="explorer">
      <fieldset className="segmented">
        <legend className="visually-hidden">Collection</legend>
        {COLLECTIONS.map((name) => (
          <label key={name}>
            <input
              type="radio"
              name="explorer-collection"
              value={name}
              checked={collection === name}
              onChange={() => setCollection(name)}
            />
            <span>{name}</span>
          </label>
        ))}
      </fieldset>
      {/* Keyed, so switching collections starts with a fresh form. */}
      <CollectionView key={collection} spec={RESOURCE_SPECS[collection]} />
    </div>
  );
}
