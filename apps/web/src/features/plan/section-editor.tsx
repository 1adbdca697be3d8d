import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useId } from "react";
import { renderCaret, renderSelection } from "./caret";
import { editorStarterKit } from "./editor-schema";
import type { LiveDocument } from "./use-live-document";
import { type Person, personName } from "./use-people";

export interface SectionEditorProps {
  live: LiveDocument;
  /** The named XmlFragment this editor is bound to. */
  section: string;
  label: string;
  editable: boolean;
  /** The signed-in person, for their own caret (others see the server's stamp). */
  me: { name: string };
  writers: Person[];
}

/**
 * One section of a live document as rich text: TipTap bound to the section's
 * Y.XmlFragment, with everyone else's caret and name. No undo history of its
 * own (Yjs keeps it), no styles injected (the CSP allows only our stylesheet).
 */
export function SectionEditor({ live, section, label, editable, me, writers }: SectionEditorProps) {
  const labelId = useId();
  const statusId = useId();
  const editor = useEditor(
    {
      injectCSS: false,
      editable,
      extensions: [
        editorStarterKit,
        Collaboration.configure({ document: live.doc, field: section }),
        CollaborationCaret.configure({
          provider: live.provider,
          user: { name: me.name, color: "#1d70b8" },
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          "aria-describedby": statusId,
          "aria-readonly": editable ? "false" : "true",
          class: editable
            ? "app-editor__content"
            : "app-editor__content app-editor__content--read-only",
          "data-section": section,
        },
      },
    },
    [live, section],
  );
  useEffect(() => {
    editor?.setEditable(editable);
    editor?.view.dom.setAttribute("aria-readonly", editable ? "false" : "true");
  }, [editor, editable]);
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true });
  return (
    <div className="app-editor">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={labelId}>
        {label}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1 app-editor__status" id={statusId}>
        {writers.length > 0
          ? `${writers.map(personName).join(", ")} ${writers.length === 1 ? "is" : "are"} writing here.`
          : !editable && empty
            ? "Nothing has been written here yet."
            : ""}
      </p>
      <EditorContent editor={editor} />
    </div>
  );
}
