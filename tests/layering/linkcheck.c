/*
 * An empty program linked with the whole of one layer's library and only
 * the layers below it (CMakeLists.txt, "link checks"): a call from the
 * engine into formats, or from the store into the engine, leaves an
 * undefined symbol and the build fails.
 */
int main(void)
{
	return 0;
}
