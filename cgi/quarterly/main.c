/* egov-quarterly: the working group's quarterly report document (being built). */
#include <stdio.h>

int main(void)
{
	fputs("egov-quarterly: not available yet\n", stderr);
	return 2;
}
