/*
 * exec-floor: a program that does nothing and exits with 0. Built static, it measures the floor of
 * starting, running and reaping a process on this machine, against which every other wall time can be
 * read. Build: gcc -O2 -static -o exec-floor exec-floor.c
 */
int main(void) {
    return 0;
}
