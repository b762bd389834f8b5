import type { ThemeConfig } from 'antd';

/**
 * antd's default blue for controls (a red focus ring reads as an error in forms); union red stays
 * for brand accents (logo, icons, mobile header) in app.css.
 */
export const appTheme: ThemeConfig = {
  token: { borderRadius: 6 },
};
