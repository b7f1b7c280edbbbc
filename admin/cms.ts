/**
 * The editor's entry point, bundled by the site's own build (never from a CDN) into the
 * /admin/ page only.
 */
import CMS from 'decap-cms-app';
import siteStyles from '../src/styles/site.scss?inline';
import { editorConfig, isConfigured, type EditorSettings } from './config.ts';
import { registerEditorChecks } from './editorChecks.ts';
import { registerPhrases } from './phrases.ts';
import { imageComponent } from './imageComponent.ts';
import { refuseMediaPageUploads } from './mediaUploads.ts';
import { quietRefusedSaves } from './refusedSaves.ts';
import { previewTemplates } from './previews.tsx';
import { CONDITION_WIDGET } from './conditionChoices.ts';
import { ConditionControl, ConditionPreview } from './conditionWidget.tsx';
import {
  asDecapControl,
  previewImagesByMediaFolder,
  withMediaFolderImages,
} from './decapControls.ts';

const settings = import.meta.env as unknown as EditorSettings;
const local = ['localhost', '127.0.0.1'].includes(window.location.hostname);

if (!local && !isConfigured(settings)) {
  document.querySelector('[data-sg-not-configured]')?.removeAttribute('hidden');
} else {
  const config = editorConfig(settings);
  CMS.registerPreviewStyle(siteStyles, { raw: true });
  for (const [collection, template] of Object.entries(previewTemplates)) {
    CMS.registerPreviewTemplate(collection, template);
  }
  registerEditorChecks(CMS, config.collections);
  quietRefusedSaves(window);
  registerPhrases(CMS);
  CMS.registerEditorComponent(imageComponent as never);
  previewImagesByMediaFolder(CMS as never);
  CMS.registerWidget(
    CONDITION_WIDGET,
    asDecapControl(ConditionControl) as never,
    ConditionPreview as never,
  );
  // Decap's image field, finding a draft's images as its preview does (admin/decapControls.ts).
  const image = CMS.getWidget('image') as unknown as {
    control: never;
    preview: never;
    schema?: object;
  };
  const images = withMediaFolderImages(image.control, image.preview);
  // Decap's types leave out the fourth argument, the widget's option schema, kept as it was.
  (CMS.registerWidget as (...args: unknown[]) => void)(
    'image',
    images.control,
    images.preview,
    image.schema,
  );
  // 'proxy' is the local backend (`npm run cms`), which Decap uses instead when it answers.
  refuseMediaPageUploads(CMS, ['proxy', config.backend.name]);
  CMS.init({ config });
}
