import { AppError } from "../shared/app-error";

/** Which family permission a refusal was about; never sent to the caller. */
export interface RefusedAccess {
  familyId: string;
  resource: string;
  action: string;
}

/**
 * The error `authorize` throws: a 404 (outsiders) or a 403 (insiders) that
 * also says what was refused, so the API can write it to the family's audit
 * log. Only `code`, `message` and `details` ever reach the caller.
 */
export class AccessRefused extends AppError {
  readonly refused: RefusedAccess;

  constructor(code: "not_found" | "forbidden", message: string, refused: RefusedAccess) {
    super(code, message);
    this.name = "AccessRefused";
    this.refused = refused;
  }
}
