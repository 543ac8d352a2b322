/* Compiles only as C11 or later: shows that -std= reaches the frontend. */
#if !defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L
#error "needs -std=c11 or later"
#endif
int main(void) { return 0; }
