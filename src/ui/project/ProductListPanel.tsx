import { useState } from 'preact/hooks';
import { type ProductList, typedProductList } from '../../domain/clicklog/productList';

interface Props {
  list: ProductList | undefined;
  onList: (list: ProductList) => void;
}

/** The shop's product list: what it is for, and the products typed one per line when there is no file. */
export function ProductListPanel({ list, onList }: Props) {
  const [text, setText] = useState('');
  const typed = typedProductList(text);
  return (
    <div class="product-list">
      {list ? (
        <p class="log-use" data-testid="product-list-summary">
          Product list: <strong>{list.fileName === 'typed' ? 'typed here' : list.fileName}</strong> · {list.products.length} product
          {list.products.length === 1 ? '' : 's'} — names and prices for clips the log knows only by id, the intro cards, and the spelling of names in the
          captions.
        </p>
      ) : (
        <p class="muted small">
          A product list (your shop's product export, with columns such as Product ID, Product Name and Price) dropped here names the products and gives their
          prices.
        </p>
      )}
      <details class="help">
        <summary>{list ? 'Type the products instead' : 'Type the products'}</summary>
        <div class="help-body">
          <label class="field wide">
            <span>One product per line, its price after it if you like ("Glow Serum, $45")</span>
            <textarea rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-label="Products, one per line" />
          </label>
          <button type="button" class="btn small" disabled={typed.products.length === 0} onClick={() => onList(typed)}>
            Use {typed.products.length > 0 ? `these ${typed.products.length} product${typed.products.length === 1 ? '' : 's'}` : 'these products'}
          </button>
        </div>
      </details>
    </div>
  );
}
