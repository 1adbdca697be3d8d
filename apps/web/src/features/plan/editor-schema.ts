import StarterKit from "@tiptap/starter-kit";

/**
 * The nodes and marks the live editors render. The server refuses any update
 * outside them (`checkTransaction` in packages/domain): turning an extension
 * on here means adding it to `editorNodes`/`editorMarks` there too, and
 * `editor-schema.test.ts` fails until both agree.
 */
export const editorStarterKit = StarterKit.configure({
  undoRedo: false,
  heading: false,
  codeBlock: false,
  code: false,
  blockquote: false,
  horizontalRule: false,
  link: false,
  strike: false,
  underline: false,
});
