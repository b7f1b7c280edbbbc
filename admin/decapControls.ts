import { Component, createElement, type ComponentType } from 'react';
import { uploadPath } from './draftMedia.ts';

/**
 * Decap keeps a ref to each field's control and calls its `isValid` before saving (decap-cms-core
 * Widget.js): a function component has no instance, and saving then stops with "wrappedControlValid
 * is not a function". So a control written as a function is given to Decap inside this class.
 */
export function asDecapControl<P extends object>(Render: ComponentType<P>) {
  return class DecapControl extends Component<P> {
    isValid = () => true;
    render() {
      return createElement(Render, this.props);
    }
  };
}

type AssetLookup = (path: string, field?: unknown) => unknown;
interface ImageProps {
  getAsset: AssetLookup;
}
interface Validatable {
  isValid?: () => unknown;
}

/**
 * Decap treats an image address that starts with "/" (the site's `/uploads/…`) as a public URL
 * and asks the site for it (decap-cms-lib-util isAbsolutePath), so an image uploaded with a draft,
 * not yet in any folder, showed as a broken image (a 404) in its field and in the preview. Asked
 * by its place in the media folder (`public/uploads/…`) instead, Decap finds the copy it holds
 * for the draft, or loads it through its backend. The address saved in the entry is unchanged.
 */
export const byMediaFolder =
  (getAsset: AssetLookup): AssetLookup =>
  (path, field) =>
    getAsset(uploadPath(path) ?? path, field);

/** Decap's image control and preview, finding images by their place in the media folder. */
export function withMediaFolderImages(
  control: ComponentType<ImageProps>,
  preview: ComponentType<ImageProps>,
) {
  class ImageControl extends Component<ImageProps> {
    inner: Validatable | null = null;
    // Decap's Widget asks its control whether to redraw (Widget.js takes the control's own
    // shouldComponentUpdate); without one it redraws only when the value changes. An image just
    // chosen in the media library changes Decap's `mediaPaths`, not the value, so it never reached
    // the field and the entry was saved with an empty image address. Redrawing always lets
    // Decap's own control decide, by its own rule, and take the chosen image.
    shouldComponentUpdate() {
      return true;
    }
    getAsset = byMediaFolder((path, field) => this.props.getAsset(path, field));
    isValid = () => this.inner?.isValid?.() ?? true;
    render() {
      return createElement(control as ComponentType<ImageProps & { ref: unknown }>, {
        ...this.props,
        getAsset: this.getAsset,
        ref: (instance: Validatable | null) => {
          this.inner = instance;
        },
      });
    }
  }
  const ImagePreview = (props: ImageProps) =>
    createElement(preview, { ...props, getAsset: byMediaFolder(props.getAsset) });
  return { control: ImageControl, preview: ImagePreview };
}

interface EditorComponent {
  fields?: { toJS?: () => unknown } | unknown[];
  toPreview?: (data: unknown, getAsset: AssetLookup, fields: unknown) => unknown;
}
interface ComponentRegistry {
  getEditorComponents(): { get(id: string): EditorComponent | undefined };
  registerEditorComponent(component: unknown): void;
}

/**
 * Decap's own Image component (which reads `![…](…)` in a body before ours does) previews the
 * image through the same lookup, so an image uploaded with a draft shows in the preview at once.
 * Re-registered under its own name, it keeps its place and everything else about it.
 */
export function previewImagesByMediaFolder(cms: ComponentRegistry) {
  const image = cms.getEditorComponents().get('image');
  const toPreview = image?.toPreview;
  if (!image || !toPreview) return;
  const fields = image.fields;
  cms.registerEditorComponent({
    ...image,
    fields: fields && !Array.isArray(fields) && fields.toJS ? fields.toJS() : fields,
    toPreview: (data: unknown, getAsset: AssetLookup, previewFields: unknown) =>
      toPreview(data, byMediaFolder(getAsset), previewFields),
  });
}
