/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
	interface Request {
		method?: string;
		path?: string;
		headers?: Record< string, string >;
		body?: string;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		method?: string;
		headers?: Record< string, string >;
		body?: string;
		requests?: Array<
			Request & { setupRequest?: ( request: Request ) => Request }
		>;
	}
	interface Result {
		requests: { average: number; total: number };
		latency: { p50: number; p99: number; average: number };
		non2xx: number;
		errors: number;
	}
	function autocannon( options: Options ): Promise< Result >;
	export default autocannon;
}
