import { Input, Textarea } from "../../components/govuk";

export interface CorrectionFieldsProps {
  /** Makes the fields' ids unique on the page. */
  prefix: string;
  sectionHint?: string;
  section: string;
  onSection: (value: string) => void;
  correctedText: string;
  onCorrectedText: (value: string) => void;
  reason: string;
  onReason: (value: string) => void;
}

/** What a correction asks for, wherever one is added: the part, what it should say, why. */
export function CorrectionFields(props: CorrectionFieldsProps) {
  return (
    <>
      <Input
        id={`${props.prefix}-section`}
        label="Which part is wrong"
        {...(props.sectionHint ? { hint: props.sectionHint } : {})}
        value={props.section}
        onChange={props.onSection}
      />
      <Textarea
        id={`${props.prefix}-text`}
        label="What it should say"
        value={props.correctedText}
        onChange={props.onCorrectedText}
      />
      <Textarea
        id={`${props.prefix}-reason`}
        label="Why it was wrong"
        value={props.reason}
        onChange={props.onReason}
      />
    </>
  );
}
