/**
 * Registers the question blocks used where MemberPress Courses' own are not present.
 */
export {};
