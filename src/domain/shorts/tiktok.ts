/** TikTok's web uploader (TikTok Studio): desktop browsers hand a short over here. */
export const TIKTOK_UPLOAD_URL = 'https://www.tiktok.com/tiktokstudio/upload';
