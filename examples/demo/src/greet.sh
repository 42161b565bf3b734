#!/bin/sh
echo "$(cat /app/message.txt) from $(cat /app/platform)"
