/** A stable, well-spread colour per product (golden-angle hues). */
export const productColor = (productIndex: number, alpha = 1) => `hsl(${Math.round((productIndex * 137.508) % 360)} 75% 62% / ${alpha})`;
