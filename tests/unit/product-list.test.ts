// Issue 19 item 1: a shop's product list (export or typed names) names a log's products.
import { describe, expect, it } from 'vitest';
import { isProductListHeader, readProductList, typedProductList, withProductList } from '../../src/domain/clicklog/productList';

const SELLER_EXPORT = [
  'Product ID,Product Name,SKU ID,Price,Stock',
  '1729,Velora Glow Serum,1729-30ml,$45.00,120',
  '1729,Velora Glow Serum,1729-50ml,$59.00,80',
  '1730,Mini Blender,1730-1,24.99,40',
].join('\n');

describe('product list', () => {
  it('knows a product list by its header: a product id or name, and no time or event', () => {
    expect(isProductListHeader(['Product ID', 'Product Name', 'Price'])).toBe(true);
    expect(isProductListHeader(['name'])).toBe(true);
    expect(isProductListHeader(['time', 'event', 'product_id'])).toBe(false);
    expect(isProductListHeader(['timestamp', 'product_id'])).toBe(false);
    expect(isProductListHeader(['stock', 'colour'])).toBe(false);
  });

  it('reads a shop export once per product (variants are rows of one product), TSV too', () => {
    const read = readProductList(SELLER_EXPORT, 'products.csv');
    expect(read?.list.products).toEqual([
      { id: '1729', name: 'Velora Glow Serum', price: '$45.00' },
      { id: '1730', name: 'Mini Blender', price: '24.99' },
    ]);
    expect(read?.warnings[0]).toMatch(/^1 more row repeated a product/);
    const tsv = readProductList('sku\ttitle\tprice\nA1\tRed Mug\t12.50\n', 'products.tsv');
    expect(tsv?.list.products).toEqual([{ id: 'A1', name: 'Red Mug', price: '12.50' }]);
  });

  it('is not a click log, per-minute analytics or JSON', () => {
    expect(readProductList('time,event,product_id\n1,click,P1\n', 'log.csv')).toBeUndefined();
    expect(readProductList('minute,product_id,clicks,orders\n0,P1,12,1\n1,P1,30,2\n', 'analytics.csv')).toBeUndefined();
    expect(readProductList('[{"product_id":"P1","name":"Red Mug"}]', 'products.json')).toBeUndefined();
    expect(readProductList('product_id,name\n,\n', 'empty.csv')).toBeUndefined();
  });

  it('reads typed names, one per line, each with an optional price', () => {
    expect(typedProductList('Velora Glow Serum, $45\nMini Blender 24.99\n\nRed Mug\nRed Mug').products).toEqual([
      { id: 'Velora Glow Serum', name: 'Velora Glow Serum', price: '$45' },
      { id: 'Mini Blender', name: 'Mini Blender', price: '24.99' },
      { id: 'Red Mug', name: 'Red Mug' },
    ]);
  });

  it('names and prices the products a log knows only by id, by id or by name, never over what the log says', () => {
    const list = readProductList(SELLER_EXPORT, 'products.csv')!.list;
    expect(withProductList([{ id: '1729' }, { id: 'x', name: 'mini blender' }, { id: '1730', name: 'Blender (log)' }, { id: 'P9' }], list)).toEqual([
      { id: '1729', name: 'Velora Glow Serum', price: '$45.00' },
      { id: 'x', name: 'mini blender', price: '24.99' },
      { id: '1730', name: 'Blender (log)', price: '24.99' },
      { id: 'P9' },
    ]);
    expect(withProductList([{ id: 'P1' }], undefined)).toEqual([{ id: 'P1' }]);
  });
});
