import { z } from 'zod';
import { FAMILY_RELATIONS, RECUPERATION_RELATION_LABELS, type RecuperationCompanion, type recuperationCompanionInputSchema } from '@gonghui/contracts';

type CompanionInput = z.infer<typeof recuperationCompanionInputSchema>;

/**
 * The enrolment's `details` for its companions (随行家属): each pays the batch's per-person cost
 * (days × allowance) themselves; they take no place and count against no member's yearly cap.
 */
export function companionDetails(costPerPerson: number, companions: CompanionInput[] = []): Record<string, unknown> {
  const list = companions.map((c) => ({ name: c.name, relation: c.relation, ownCost: costPerPerson }));
  return { companions: list, companionsOwnCost: list.length * costPerPerson };
}

const storedSchema = z.object({
  companions: z.array(z.object({ name: z.string(), relation: z.enum(FAMILY_RELATIONS), ownCost: z.number().int() })).default([]),
});

/** The companions stored on an enrolment (none when the details hold none, or something else). */
export function companionsOf(details: unknown): RecuperationCompanion[] {
  const parsed = storedSchema.safeParse(details ?? {});
  if (!parsed.success) return [];
  return parsed.data.companions.map((c) => ({ ...c, relationLabel: RECUPERATION_RELATION_LABELS[c.relation] }));
}
