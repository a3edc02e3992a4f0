import { z } from 'zod';

/**
 * The JSON schema of what the model must return, handed to providers that have a schema mode. Each
 * prompt computes it once, at load. `io: 'input'` describes what the parser accepts, so fields
 * with a default stay optional.
 */
export function modelJsonSchema(
	schema: z.ZodType,
	options: { unrepresentable?: 'any' } = {}
): Record< string, unknown > {
	return z.toJSONSchema( schema, { io: 'input', ...options } ) as Record<
		string,
		unknown
	>;
}
