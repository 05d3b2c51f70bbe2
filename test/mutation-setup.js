// Set for `npm run mutate`: tests that bound time skip that bound on instrumented code.
process.env.KE_HOACH_MUTATION = '1';
