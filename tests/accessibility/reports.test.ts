import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "../../app/auth/actor";
import { listReports, reportBarrier } from "../../app/accessibility/reports.server";
import { readSiteSettings, updateSiteSettings } from "../../app/accessibility/settings.server";
import { accessibilityReports } from "../../db/schema";
import { createStaff, refusal } from "../support/fixtures";
import { openTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const count = async () => (await database.db.select().from(accessibilityReports)).length;

describe("reporting a barrier", () => {
  it("stores a report from anyone, which only admins read", async () => {
    const { db } = database;
    await reportBarrier(db, anonymous, { message: "  Der Kontrast im Kopf ist zu schwach.  ", contact: "", language: "de" }, { clientIp: "203.0.113.1" });
    const admin = await createStaff(db, "admin");
    const [report] = await listReports(db, admin);
    expect(report).toMatchObject({ message: "Der Kontrast im Kopf ist zu schwach.", contact: null, language: "de" });
    expect(await refusal(listReports(db, await createStaff(db, "moderator")))).toBe("forbidden common:error.forbiddenText");
  });

  it("refuses an empty or overlong message, or a language Mitplan does not speak, and stores nothing", async () => {
    const { db } = database;
    const before = await count();
    const ip = "203.0.113.2";
    const empty = reportBarrier(db, anonymous, { message: "   ", contact: "", language: "de" }, { clientIp: ip });
    await expect(empty).rejects.toMatchObject({ code: "invalid", fields: { message: "accessibility:feedback.messageRequired" } });
    const long = reportBarrier(db, anonymous, { message: "x".repeat(5001), contact: "", language: "de" }, { clientIp: ip });
    await expect(long).rejects.toMatchObject({ fields: { message: "common:validation.tooLong" } });
    const klingon = reportBarrier(db, anonymous, { message: "Qapla'", contact: "", language: "tlh" }, { clientIp: ip });
    await expect(klingon).rejects.toMatchObject({ fields: { language: "common:validation.invalidValue" } });
    expect(await count()).toBe(before);
  });

  it("stops the sixth report from one address within the hour, and stores it not", async () => {
    const { db } = database;
    const ip = "203.0.113.3";
    const send = () => reportBarrier(db, anonymous, { message: "Barriere", contact: "", language: "tr" }, { clientIp: ip });
    for (let i = 0; i < 5; i++) await send();
    const before = await count();
    await expect(send()).rejects.toMatchObject({ code: "rate_limited", messageKey: "accessibility:feedback.rateLimited" });
    expect(await count()).toBe(before);
  });
});

describe("site settings", () => {
  it("lets an admin set the sign-language video and the contact, and no one else", async () => {
    const { db } = database;
    expect(await readSiteSettings(db)).toEqual({ signVideoUrl: null, contactName: null, contactEmail: null, contactPhone: null });
    const admin = await createStaff(db, "admin");
    const input = { signVideoUrl: "https://video.example/dgs.mp4", contactName: "Amt für Soziales", contactEmail: "barrierefrei@example.org", contactPhone: "" };
    await updateSiteSettings(db, admin, input);
    await updateSiteSettings(db, admin, { ...input, contactPhone: "0521 51-0" });
    expect(await readSiteSettings(db)).toEqual({ ...input, contactPhone: "0521 51-0" });
    expect(await refusal(updateSiteSettings(db, await createStaff(db, "planner"), input))).toBe("forbidden common:error.forbiddenText");
  });

  it("refuses a link that is not https or an e-mail that is none, and keeps what was set", async () => {
    const { db } = database;
    const admin = await createStaff(db, "admin");
    const before = await readSiteSettings(db);
    const bad = updateSiteSettings(db, admin, { signVideoUrl: "javascript:alert(1)", contactName: "", contactEmail: "kein-at", contactPhone: "" });
    await expect(bad).rejects.toMatchObject({
      code: "invalid",
      fields: { signVideoUrl: "accessibility:admin.invalidUrl", contactEmail: "accessibility:admin.invalidEmail" },
    });
    expect(await readSiteSettings(db)).toEqual(before);
  });
});
