import { useState } from 'preact/hooks';
import { sameProduct, validateProduct, type LinkedProduct, type ProductDraft, type ProductErrors } from '../../domain/clip/product';
import type { Clip } from '../../domain/clip/override';
import { formatPrice } from '../../domain/edit/model';
import type { Product } from '../../domain/clicklog/model';

interface Props {
  clip: Clip;
  /** The log's products. */
  products: readonly Product[];
  onLink: (product: LinkedProduct) => void;
}

const OWN = 'own';
const FIELDS: Array<{ key: keyof ProductDraft; label: string; hint?: string }> = [
  { key: 'id', label: 'Product id' },
  { key: 'name', label: 'Name' },
  { key: 'price', label: 'Price', hint: 'optional' },
  { key: 'url', label: 'Product link', hint: 'optional, https://…' },
];

const optionText = (p: Product) => [p.name ?? p.id, p.id, p.price && formatPrice(p.price)].filter(Boolean).join(' · ');

/**
 * Which product a clip shows and names: one of the log's (chosen at once) or one typed in, checked
 * before it is linked. The intro card, post text, file names and exports follow the link.
 */
export function ProductLink({ clip, products, onLink }: Props) {
  const linked = products.findIndex((p) => sameProduct(p, clip.product));
  const [typing, setTyping] = useState(false);
  // A typed product (linked here or in another tab) shows its fields.
  const own = typing || linked < 0;
  const [draft, setDraft] = useState<ProductDraft>(() => ({
    id: clip.product.id,
    name: clip.product.name ?? '',
    price: clip.product.price ?? '',
    url: clip.product.url ?? '',
  }));
  const [errors, setErrors] = useState<ProductErrors>({});

  const choose = (value: string) => {
    if (value === OWN) return setTyping(true);
    const p = products[Number(value)];
    setTyping(false);
    setErrors({});
    if (p) onLink(p);
  };
  const apply = () => {
    const checked = validateProduct(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    onLink(checked.product);
  };

  return (
    <section class="product-link" aria-label="Product link">
      <h3>Product {clip.relinked && <span class="tag">changed</span>}</h3>
      <label class="field wide">
        <span>Product shown in this clip</span>
        <select value={own ? OWN : String(linked)} onChange={(e) => choose(e.currentTarget.value)}>
          {products.map((p, i) => (
            <option key={p.id} value={String(i)}>
              {optionText(p)}
              {sameProduct(p, clip.auto.product) ? ' — as selected' : ''}
            </option>
          ))}
          <option value={OWN}>Your own product…</option>
        </select>
      </label>
      {own && (
        <div class="product-own">
          {FIELDS.map(({ key, label, hint }) => (
            <div key={key} class="field wide">
              <label for={`product-${key}`}>
                {label}
                {hint && <span class="muted"> ({hint})</span>}
              </label>
              <input
                id={`product-${key}`}
                type="text"
                inputMode={key === 'url' ? 'url' : 'text'}
                value={draft[key]}
                aria-invalid={errors[key] !== undefined}
                aria-describedby={errors[key] ? `product-${key}-error` : undefined}
                onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
                onKeyDown={(e) => e.key === 'Enter' && apply()}
              />
              {errors[key] && (
                <span id={`product-${key}-error`} class="field-error">
                  {errors[key]}
                </span>
              )}
            </div>
          ))}
          <button type="button" class="btn small" onClick={apply}>
            Link this product
          </button>
        </div>
      )}
      {clip.product.url && (
        <p class="small">
          <a href={clip.product.url} target="_blank" rel="noopener noreferrer">
            Product page
          </a>
        </p>
      )}
    </section>
  );
}
