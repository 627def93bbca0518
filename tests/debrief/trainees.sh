#!/bin/sh
# Prints the script lines of one trainee going through the sample scenario:
# trainee NAME REACTION MEETING UNDERSTANDING(1-5) OPENNESS(0-10) SUPPORT REMEMBER
trainee() {
	printf 'expect-screen start\nclick-button Start\nexpect-screen who\ntext %s\nkey Return\n' "$1"
	printf 'expect-screen note\nkey ctrl+Return\nexpect-screen step:pause-first-reaction\n'
	printf 'text %s\nkey ctrl+Return\nexpect-screen step:pause-meeting\n' "$2"
	printf 'click-button %s\nclick-button Next\nexpect-screen step:ground-rules\n' "$3"
	i=0
	while [ $i -lt 7 ]; do printf 'key ctrl+Return\n'; i=$((i + 1)); done
	printf 'expect-screen step:reflect-understanding\n'
	# The scale is one Tab stop: the first arrow chooses its first value, each next one the
	# value after.
	i=0
	while [ $i -lt "$4" ]; do printf 'key Right\n'; i=$((i + 1)); done
	printf 'key ctrl+Return\nexpect-screen step:reflect-openness\nclick-button %s\n' "$5"
	printf 'key ctrl+Return\nexpect-screen step:reflect-stays-with-you\nclick-button Pass\n'
	printf 'expect-screen step:reflect-support\nclick-button %s\nkey ctrl+Return\n' "$6"
	printf 'expect-screen step:reflect-remember\ntext %s\nkey ctrl+Return\n' "$7"
	printf 'expect-screen step:reflect-offered\nkey ctrl+Return\nexpect-screen step:closing\n'
	printf 'key ctrl+Return\nexpect-screen review\nclick-button Submit\nclick-button Submit now\nexpect-screen thanks\n'
	printf 'click-button Done\n'
}
