import { noticeChannels, noticeKinds, noticeStatuses } from "@teamaround/domain";
import { pgEnum } from "drizzle-orm/pg-core";

export const noticeKind = pgEnum("notice_kind", noticeKinds);
export const noticeChannel = pgEnum("notice_channel", noticeChannels);
export const noticeStatus = pgEnum("notice_status", noticeStatuses);
