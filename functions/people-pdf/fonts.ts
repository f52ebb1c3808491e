/**
 * PT Sans embedded in the Lambda bundle (esbuild `binary` loader; toolchain trap 7). Only the
 * bundle can load this module: under Node or vite a .ttf import fails or becomes a URL, and the
 * renderer then reads the font package with fs (shared/reports/pdf.ts).
 */
import regular from '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf';
import bold from '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf';

export default { regular, bold };
